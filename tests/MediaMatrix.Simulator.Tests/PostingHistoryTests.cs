namespace MediaMatrix.Simulator.Tests;

public sealed class PostingHistoryTests
{
    [Fact]
    public async Task SameSeed_ServesTheSameHistory()
    {
        await using var first = await RunningSimulator.StartAsync();
        await using var second = await RunningSimulator.StartAsync();

        foreach (var path in new[] { "feeds/head/rss.xml", "feeds/active/rss.xml", "sites/site/list.html", "feeds/zombie/rss.xml" })
        {
            // Absolute links carry each host's own port; everything else must match.
            var fromFirst = (await first.GetStringAsync(path)).Replace(first.Host.BaseUrl.AbsoluteUri, "/", StringComparison.Ordinal);
            var fromSecond = (await second.GetStringAsync(path)).Replace(second.Host.BaseUrl.AbsoluteUri, "/", StringComparison.Ordinal);
            Assert.Equal(fromFirst, fromSecond);
        }
    }

    [Fact]
    public async Task DifferentSeed_ServesADifferentHistory()
    {
        await using var first = await RunningSimulator.StartAsync(seed: 1);
        await using var second = await RunningSimulator.StartAsync(seed: 2);

        Assert.NotEqual(await first.GetStringAsync("feeds/head/rss.xml"), await second.GetStringAsync("feeds/head/rss.xml"));
    }

    [Fact]
    public async Task PostIds_AreUniqueAndTitlesAreChinese()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("head");

        Assert.Equal(20, posts.Count);
        Assert.Equal(posts.Count, posts.Select(p => p.Id).Distinct().Count());
        Assert.All(posts, p => Assert.Contains(p.Title, c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.Equal(posts.OrderByDescending(p => p.Published).Select(p => p.Id), posts.Select(p => p.Id));
    }

    [Fact]
    public async Task NoPostIsServedBeforeItsTime()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("head");

        Assert.All(posts, p => Assert.True(p.Published <= RunningSimulator.Start));
    }

    [Theory]
    [InlineData("head", true)]
    [InlineData("active", true)]
    [InlineData("slowing", false)]
    [InlineData("quiet", false)]
    [InlineData("dormant", false)]
    [InlineData("zombie", false)]
    public async Task AdvancingTime_RevealsNewPosts_OnlyForActiveAccounts(string id, bool expectsNewPosts)
    {
        await using var simulator = await RunningSimulator.StartAsync();
        var before = (await simulator.ReadRssAsync(id)).Select(p => p.Id).ToHashSet();

        simulator.Clock.Advance(TimeSpan.FromDays(3));
        var after = await simulator.ReadRssAsync(id);

        var revealed = after.Where(p => !before.Contains(p.Id)).ToList();
        Assert.Equal(expectsNewPosts, revealed.Count > 0);
        Assert.All(revealed, p => Assert.True(p.Published > RunningSimulator.Start));
    }

    [Theory]
    [InlineData("head")]
    [InlineData("active")]
    [InlineData("hostile-rss")]
    public async Task APost_IsTheSameEachTimeItIsServed(string id)
    {
        await using var simulator = await RunningSimulator.StartAsync();
        var before = await simulator.ReadRssAsync(id);

        simulator.Clock.Advance(TimeSpan.FromDays(2));
        var after = await simulator.ReadRssAsync(id);

        var seenTwice = after.Where(post => before.Any(old => old.Id == post.Id)).ToList();
        Assert.NotEmpty(seenTwice);
        Assert.All(seenTwice, post => Assert.Equal(before.Single(old => old.Id == post.Id), post));
    }

    [Theory]
    [InlineData("slowing")]
    [InlineData("dormant")]
    [InlineData("zombie")]
    public async Task EveryServedLink_OpensItsArticle(string id)
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync(id);

        foreach (var post in posts)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(post.Title), await simulator.GetStringAsync(post.Link));
        }
    }
}
