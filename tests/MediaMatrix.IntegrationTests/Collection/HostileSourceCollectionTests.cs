using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>Whole polls of misbehaving sources: what the account's health says afterwards.</summary>
public sealed class HostileSourceCollectionTests
{
    private static SimulatedAccount Member(string id, SourceFormat format, AccountBehaviour behaviour, bool lateCharsetMeta = false) =>
        new(id, id, "website", "member", "区教育局", Topic.Education, format, behaviour, LateCharsetMeta: lateCharsetMeta);

    private static readonly SimulatedAccount Head = new("head", "主账号", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active);

    [Fact]
    public async Task F10_LongRetryAfter_ReschedulesTheAccountInsteadOfSleeping()
    {
        SimulatedAccount[] cast = [Head, Member("limited", SourceFormat.Rss, AccountBehaviour.RateLimited)];
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = cast }, CancellationToken.None);
        using var rig = CollectionRig.ForSimulator(simulator, cast);
        var before = TimeProvider.System.GetUtcNow();

        var report = await rig.PollAsync("limited");

        Assert.True(report.Duration < TimeSpan.FromSeconds(5), $"the poll took {report.Duration}");
        Assert.Equal(FetchErrorClass.Http4xx, report.State.LastErrorClass);
        Assert.True(report.State.NextDueAt >= before.AddSeconds(3600 * 0.9), $"next poll at {report.State.NextDueAt}, expected ≥ an hour on");
    }

    [Fact]
    public async Task F12_AntiBotChallenge_IsBlockedNotParse()
    {
        SimulatedAccount[] cast = [Head, Member("waf", SourceFormat.HtmlList, AccountBehaviour.Blocked)];
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = cast }, CancellationToken.None);
        using var rig = CollectionRig.ForSimulator(simulator, cast);

        var report = await rig.PollAsync("waf");

        Assert.Equal(FetchErrorClass.Blocked, report.State.LastErrorClass);
        Assert.Equal(0, report.State.ConsecutiveEmptyPolls); // a block is not a layout change
    }

    [Theory]
    [InlineData(null)]
    [InlineData("请登录后查看")]
    public async Task F12_ChallengePageServedWith200_IsBlocked(string? blockedMarker)
    {
        var page = blockedMarker is null
            ? "<html><head><title>安全验证</title></head><body><div id=\"captcha\">请按住滑块，拖动到最右边</div></body></html>"
            : $"<html><body><ul class=\"news\"><li><a href=\"/1\">旧文</a><span>2026-11-01</span></li></ul><p>{blockedMarker}</p></body></html>";
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            return c.Response.WriteAsync(page);
        });
        var marker = blockedMarker is null ? string.Empty : $", blockedMarker: \"{blockedMarker}\"";
        using var rig = CollectionRig.ForYaml($$"""
            matrix: { name: 测试, allowPrivateNetworks: true }
            accounts:
              - { id: site, name: 站点, platform: website, tier: head, department: 部门, source: { kind: html, url: "{{server.Url("list.html")}}", profile: list } }
            profiles:
              list: { items: "ul.news li", title: "a", link: "a@href", published: "span"{{marker}} }
            """);

        var report = await rig.PollAsync("site");

        Assert.Equal(FetchErrorClass.Blocked, report.State.LastErrorClass);
    }

    [Fact]
    public async Task EmptyMarker_MakesAnEmptyListASuccessNotALayoutChange()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            return c.Response.WriteAsync("<html><body><div class=\"list\"><p class=\"none\">暂无内容</p></div></body></html>");
        });
        using var rig = CollectionRig.ForYaml($$"""
            matrix: { name: 测试, allowPrivateNetworks: true }
            accounts:
              - { id: site, name: 站点, platform: website, tier: head, department: 部门, source: { kind: html, url: "{{server.Url("list.html")}}", profile: list } }
            profiles:
              list: { items: "div.list li", title: "a", link: "a@href", published: "span", emptyMarker: "暂无内容" }
            """);

        var report = await rig.PollAsync("site");

        Assert.Equal(0, report.State.ConsecutiveFailures);
        Assert.Equal(0, report.State.ConsecutiveEmptyPolls);
        Assert.Equal(0, report.Items);
    }

    [Fact]
    public async Task F7_GbkListWithTheCharsetMetaAfterTheFirstKilobyte_DecodesTitles()
    {
        SimulatedAccount[] cast = [Head, Member("gbk", SourceFormat.HtmlList, AccountBehaviour.Gbk, lateCharsetMeta: true), Member("gbk-feed", SourceFormat.Rss, AccountBehaviour.Gbk)];
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = cast }, CancellationToken.None);
        using var rig = CollectionRig.ForSimulator(simulator, cast);

        foreach (var id in new[] { "gbk", "gbk-feed" })
        {
            var report = await rig.PollAsync(id);
            Assert.Equal(0, report.State.ConsecutiveFailures);
            var posts = await rig.Store.GetPostsAsync(id, DateTimeOffset.MinValue, CancellationToken.None);
            Assert.NotEmpty(posts);
            Assert.All(posts, p => Assert.DoesNotContain('\uFFFD', p.Title));
            Assert.Contains(posts, p => p.Title.Any(c => c is >= '\u4e00' and <= '\u9fff'));
        }
    }

    [Theory]
    [InlineData("utf16-bom")]
    [InlineData("utf8-wrong-prolog")]
    [InlineData("invalid-bytes")]
    [InlineData("gb18030-header")]
    public async Task F7_Charsets_DecodeAsExpectedAndNeverThrow(string variant)
    {
        const string Title = "定海区召开防汛工作会议";
        var (body, contentType) = variant switch
        {
            "utf16-bom" => (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Rss(Title, "utf-16"))).ToArray(), "application/rss+xml"),
            "utf8-wrong-prolog" => (Encoding.UTF8.GetBytes(Rss(Title, "gb2312")), "application/rss+xml"),
            "invalid-bytes" => (Encoding.UTF8.GetBytes(Rss(Title + "\u0001", "utf-8")).Select(b => b == 0x01 ? (byte)0xFF : b).ToArray(), "application/rss+xml; charset=utf-8"),
            _ => (GbkBytes(Rss(Title, "gb18030")), "application/rss+xml; charset=GB18030"),
        };
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = contentType;
            return c.Response.Body.WriteAsync(body).AsTask();
        });
        using var rig = CollectionRig.ForYaml(PoliteCollectionTests.MatrixOf(server.BaseUrl, 1));

        var report = await rig.PollAsync("a0");

        Assert.Equal(0, report.State.ConsecutiveFailures);
        var title = Assert.Single(await rig.Store.GetPostsAsync("a0", DateTimeOffset.MinValue, CancellationToken.None)).Title;
        Assert.StartsWith(Title, title, StringComparison.Ordinal);
        if (variant == "invalid-bytes")
        {
            Assert.Contains('\uFFFD', title);
        }
    }

    private static string Rss(string title, string encoding) =>
        $"<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss version=\"2.0\"><channel><title>t</title><item><title>{title}</title><link>http://example.gov.cn/1</link><pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item></channel></rss>";

    private static byte[] GbkBytes(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }
}

/// <summary>"Poll now": an account on a long back-off step is polled at once when an operator asks.</summary>
public sealed class PollNowTests
{
    [Fact]
    public async Task PollNow_PollsAFailingAccountAtOnceAndKeepsItsLadderStep()
    {
        var healthy = false;
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            if (!Volatile.Read(ref healthy))
            {
                c.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            return c.Response.WriteAsync(PoliteCollectionTests.Feed(c.Request.Path));
        });
        using var rig = CollectionRig.ForYaml(PoliteCollectionTests.MatrixOf(server.BaseUrl, 1));
        for (var i = 0; i < 5; i++)
        {
            await rig.Dispatcher.PollNowAsync("a0", CancellationToken.None);
        }

        Volatile.Write(ref healthy, true);
        var report = await rig.Dispatcher.PollNowAsync("a0", CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal(0, report.State.ConsecutiveFailures);
        Assert.Equal(4, report.State.BackoffLevel); // five failures climbed to step 5; one success drops one step
        Assert.Null(await rig.Dispatcher.PollNowAsync("no-such-account", CancellationToken.None));
    }
}
