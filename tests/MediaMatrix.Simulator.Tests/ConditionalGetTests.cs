using System.Net;
using System.Net.Http.Headers;

namespace MediaMatrix.Simulator.Tests;

public sealed class ConditionalGetTests
{
    [Theory]
    [InlineData("feeds/head/rss.xml")]
    [InlineData("sites/site/list.html")]
    [InlineData("feeds/json/feed.json")]
    public async Task IfNoneMatch_WithTheCurrentETag_Is304(string path)
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var first = await simulator.Http.GetAsync(path);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await simulator.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ETag_ChangesWhenANewPostAppears()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var first = await simulator.Http.GetAsync("feeds/head/rss.xml");

        simulator.Clock.Advance(TimeSpan.FromDays(1));
        using var again = new HttpRequestMessage(HttpMethod.Get, "feeds/head/rss.xml");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await simulator.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task ETag_StaysWhenNothingNewIsPublished()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var first = await simulator.Http.GetAsync("feeds/zombie/rss.xml");

        simulator.Clock.Advance(TimeSpan.FromDays(1));
        using var second = await simulator.Http.GetAsync("feeds/zombie/rss.xml");

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task LastModified_IsTheNewestPost_AndIfModifiedSinceIs304()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        var newest = (await simulator.ReadRssAsync("quiet"))[0].Published;
        using var first = await simulator.Http.GetAsync("feeds/quiet/rss.xml");

        using var again = new HttpRequestMessage(HttpMethod.Get, "feeds/quiet/rss.xml");
        again.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var second = await simulator.Http.SendAsync(again);

        Assert.Equal(newest, first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task IfNoneMatch_WithAnOldETag_ServesTheBody()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "feeds/head/rss.xml");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var response = await simulator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }
}
