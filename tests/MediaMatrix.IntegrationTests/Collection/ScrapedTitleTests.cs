using System.Globalization;
using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Extraction;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>
/// A hostile feed over real HTTP (issue 16): a title that reverses itself with U+202E and a 4 MB
/// title. What the store keeps is fit to show, and the account's poll health counts the cut.
/// </summary>
public sealed class ScrapedTitleTests
{
    [Fact]
    public async Task HostileTitles_AreStoredWithoutFormatControlsAndCut_AndTheCutIsCounted()
    {
        var huge = new string('长', 4 * 1024 * 1024 / 3); // 4 MB of UTF-8
        var feed = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>区政府</title>
            <item><title>&#x202E;gnp.exe 关于防汛工作的通知&#x2066;</title><link>http://example.gov.cn/a/1.html</link><pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item>
            <item><title>{huge}</title><link>http://example.gov.cn/a/2.html</link><pubDate>Fri, 20 Nov 2026 09:00:00 +0800</pubDate></item>
            </channel></rss>
            """;
        var body = Encoding.UTF8.GetBytes(feed);
        Assert.InRange(body.Length, 4_000_000, 5 * 1024 * 1024);
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = "application/rss+xml; charset=utf-8";
            return c.Response.Body.WriteAsync(body).AsTask();
        });
        using var rig = CollectionRig.ForYaml($$"""
            matrix: { name: 测试, allowPrivateNetworks: true }
            accounts:
              - { id: head, name: 主账号, platform: app, tier: head, department: 部门, source: { kind: feed, url: "{{server.Url("rss.xml")}}" } }
            """);

        var report = await rig.PollAsync("head");

        Assert.Equal(0, report.State.ConsecutiveFailures);
        var posts = await rig.Store.GetPostsAsync("head", DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(2, posts.Count);
        foreach (var post in posts)
        {
            Assert.True(post.Title.Length <= ScrapedText.MaxTitleLength, $"a stored title of {post.Title.Length} characters");
            Assert.DoesNotContain(post.Title, c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);
        }

        Assert.Contains(posts, p => p.Title == "gnp.exe 关于防汛工作的通知");
        Assert.Contains(posts, p => p.Title == new string('长', ScrapedText.MaxTitleLength - 1) + "…");
        var health = (await rig.Store.GetPollStatesAsync(["head"], CancellationToken.None))["head"];
        Assert.Equal(1, health.LastTitlesCut);
        Assert.Equal(2, health.LastItemCount);
    }
}
