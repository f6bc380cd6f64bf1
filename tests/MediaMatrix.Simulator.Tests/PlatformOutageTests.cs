using System.Net;
using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.Serving;

namespace MediaMatrix.Simulator.Tests;

/// <summary>A platform down for a while: on a schedule (the demo's Weibo quarter hour) or switched by a test.</summary>
public sealed class PlatformOutageTests
{
    [Theory]
    [InlineData(0, false)] // the first minutes' answer is untouched
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(19, true)]
    [InlineData(20, false)]
    [InlineData(65, true)] // the same quarter of the next hour
    [InlineData(81, false)]
    public void DemoWeibo_IsDownFromFiveMinutesForAQuarterOfEveryHour(int minutes, bool down) =>
        Assert.Equal(down, PlatformOutage.DemoWeibo.Covers(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public async Task TakeDown_EverySourceOnThePlatformAnswers432_OthersServe_UntilBroughtBack()
    {
        SimulatedAccount[] cast =
        [
            new("wb", "微博号", "weibo", "member", "区委宣传部", Topic.Government, SourceFormat.Rss, AccountBehaviour.Active),
            new("wx", "公众号", "wechat", "member", "区民政局", Topic.CivilAffairs, SourceFormat.Rss, AccountBehaviour.Active),
        ];
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = cast }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };

        simulator.TakeDown("weibo", OutageKind.Http432);
        Assert.Equal(432, (int)(await http.GetAsync("feeds/wb/rss.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("feeds/wx/rss.xml")).StatusCode);

        simulator.BringBack("weibo");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("feeds/wb/rss.xml")).StatusCode);
    }
}
