using System.Globalization;
using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>
/// Issue 12: a feed with every flaw feed readers tolerate, served over real HTTP on loopback, is read item by item. The
/// good items are stored, and the account's poll health counts the ones that could not be read.
/// </summary>
public sealed class FeedRecoveryCollectionTests
{
    [Fact]
    public async Task FeedWithEveryFlaw_StoresTheGoodItems_AndPollHealthCountsTheDroppedOnes()
    {
        var now = TimeProvider.System.GetUtcNow();
        string Date(int hoursAgo) => now.AddHours(-hoursAgo).ToString("R", CultureInfo.InvariantCulture);

        // A byte order mark, blank lines and a PHP warning before <?xml; a WeChat share link with bare &; HTML entities;
        // an item whose end tag is misspelt; a document that stops inside its last item.
        var feed = $"""


            <br />
            <b>Warning</b>:  Cannot modify header information - headers already sent in <b>/var/www/rss.php</b> on line <b>2</b><br />
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>县融媒体中心</title>
            <item><title>县长调研&mdash;春耕备耕</title><link>https://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1&from=groupmessage&isappinstalled=0</link><pubDate>{Date(2)}</pubDate></item>
            <item><title>坏条目</titel><link>https://example.gov.cn/bad</link><pubDate>{Date(3)}</pubDate></item>
            <item><title>防汛&nbsp;通知</title><link>https://example.gov.cn/2</link><description>附件&attach;见下</description><pubDate>{Date(5)}</pubDate></item>
            <item><title>被截断的条目</title><link>https://example.gov.cn/3
            """;
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(feed)).ToArray();
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = "application/rss+xml; charset=utf-8";
            return c.Response.Body.WriteAsync(body).AsTask();
        });
        using var rig = CollectionRig.ForYaml($$"""
            matrix: { name: 测试, allowPrivateNetworks: true }
            accounts:
              - { id: feed, name: 县融媒, platform: website, tier: head, department: 部门, source: { kind: feed, url: "{{server.Url("rss.xml")}}" } }
            """);

        var report = await rig.PollAsync("feed");

        Assert.Equal(0, report.State.ConsecutiveFailures);
        Assert.Equal(FetchErrorClass.None, report.State.LastErrorClass);
        Assert.Equal(2, report.State.LastItemCount);
        Assert.Equal(2, report.State.LastDroppedCount);
        var stored = await rig.Store.GetPostsAsync("feed", DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(["县长调研—春耕备耕", "防汛 通知"], stored.Select(p => p.Title));
        Assert.Equal("https://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1&from=groupmessage&isappinstalled=0", stored[0].Link);
        var states = await rig.Store.GetPollStatesAsync(["feed"], CancellationToken.None);
        Assert.Equal(2, states["feed"].LastDroppedCount);
    }
}
