using System.Collections.Concurrent;
using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Polling;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>
/// Article pages over real HTTP (issue 13, point 1): the first read (a backfill) fetches none; later, only new posts'
/// pages are read, at most the profile's limit per poll; a page that fails leaves its post title-only and is counted in
/// poll health, never as the account's error; a known post keeps the text it was read with.
/// </summary>
public sealed class ArticleTextTests
{
    [Fact]
    public async Task NewPostsArticlePages_AreReadUpToTheLimit_NeverOnBackfill_AndFailuresCountInPollHealth()
    {
        var hits = new ConcurrentDictionary<string, int>();
        var items = new List<string> { Item(1) };
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var path = c.Request.Path.Value ?? "";
            hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            c.Response.ContentType = "text/html; charset=utf-8";
            if (path == "/list.html")
            {
                await c.Response.WriteAsync($"<html><body><ul>{string.Concat(items)}</ul></body></html>");
            }
            else if (path == "/a/3.html")
            {
                c.Response.StatusCode = 404;
            }
            else
            {
                var n = path.Replace("/a/", "", StringComparison.Ordinal).Replace(".html", "", StringComparison.Ordinal);
                await c.Response.WriteAsync($"<html><body><nav>导航</nav><div class=\"body\"><p>第{n}篇正文，ＡＢＣ１２３。</p><script>alert(1)</script></div></body></html>");
            }
        });
        var poll = new PollOptions { TextLength = 100 };
        using var rig = CollectionRig.ForYaml($$"""
            matrix: { name: 测试, allowPrivateNetworks: true }
            profiles:
              list: { items: "ul li", title: "a", link: "a@href", published: "span", article: "div.body", articleLimit: 2 }
            accounts:
              - { id: head, name: 主账号, platform: website, tier: head, department: 部门, source: { kind: html, url: "{{server.Url("list.html")}}", profile: list } }
            """, poll: poll);

        var first = await rig.PollAsync("head");
        Assert.Equal(0, first.State.ConsecutiveFailures);
        Assert.Equal(0, first.State.LastArticlesRead);
        Assert.False(hits.ContainsKey("/a/1.html"), "a backfill fetched an article page");

        items.InsertRange(0, [Item(5), Item(4), Item(3), Item(2)]);
        var second = await rig.PollAsync("head");

        Assert.Equal(0, second.State.ConsecutiveFailures);
        // In list order: 5 read, 4 read, then the limit of 2 is reached; 3 (404) and 2 stay title-only.
        Assert.Equal(2, second.State.LastArticlesRead);
        Assert.Equal(0, second.State.LastArticleFailures);
        var posts = (await rig.Store.GetPostsAsync("head", DateTimeOffset.MinValue, CancellationToken.None)).ToDictionary(p => p.Title);
        Assert.Equal("第5篇正文,ABC123。", posts["第5篇"].Text);
        Assert.Equal("第4篇正文,ABC123。", posts["第4篇"].Text);
        Assert.Null(posts["第3篇"].Text);
        Assert.Null(posts["第1篇"].Text);
        Assert.False(hits.ContainsKey("/a/1.html"));

        items.Insert(0, Item(6));
        items.Insert(0, Item(7));
        items.Insert(0, Item(8));
        Assert.True(items.Remove(Item(3)));
        items.Insert(0, Item(3).Replace("/a/3.html", "/a/3.html?v=2", StringComparison.Ordinal).Replace("第3篇", "第9篇", StringComparison.Ordinal));
        var third = await rig.PollAsync("head");

        Assert.Equal(0, third.State.ConsecutiveFailures);
        Assert.Equal(1, third.State.LastArticleFailures);
        Assert.Equal(1, third.State.LastArticlesRead);
        posts = (await rig.Store.GetPostsAsync("head", DateTimeOffset.MinValue, CancellationToken.None)).ToDictionary(p => p.Title);
        Assert.Null(posts["第9篇"].Text);
        Assert.Equal("第8篇正文,ABC123。", posts["第8篇"].Text);
        // Known posts keep the text they were read with, and their pages are not read again.
        Assert.Equal("第5篇正文,ABC123。", posts["第5篇"].Text);
        Assert.Equal(1, hits["/a/5.html"]);
    }

    private static string Item(int n) => $"<li><a href=\"/a/{n}.html\">第{n}篇</a><span>2026-11-{10 + n:00} 08:00</span></li>";
}
