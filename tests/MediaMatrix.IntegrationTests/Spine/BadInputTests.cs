using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary>
/// Issue 2, "Bad input": a page that is not what its profile expects, a feed that is not XML, a 404,
/// a timeout, a redirect loop, an empty body. Each account records the error and reads as unknown
/// with that reason, the run goes on, and nothing already stored is lost.
/// </summary>
public sealed class BadInputTests
{
    private const string GoodFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>t</title>
        <item><guid>p1</guid><title>定海区召开防汛工作会议</title><link>http://example.gov.cn/p1</link><pubDate>{0}</pubDate></item>
        </channel></rss>
        """;

    [Fact]
    public async Task EveryKindOfBrokenSource_IsUnknownWithItsReason_AndTheRunGoesOn()
    {
        var breakGood = false;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            switch (c.Request.Path.Value)
            {
                case "/good.xml" when !breakGood:
                    c.Response.ContentType = "application/rss+xml";
                    await c.Response.WriteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, GoodFeed, DateTimeOffset.UtcNow.AddHours(-3).ToString("R")));
                    break;
                case "/good.xml":
                    c.Response.StatusCode = 500;
                    break;
                case "/wrong-page.html":
                    await c.Response.WriteAsync("<html><body><div class='other'>改版后的页面</div></body></html>");
                    break;
                case "/not-xml.xml":
                    await c.Response.WriteAsync("this is not a feed {");
                    break;
                case "/slow.xml":
                    await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
                    break;
                case "/loop-a":
                    c.Response.Redirect("/loop-b");
                    break;
                case "/loop-b":
                    c.Response.Redirect("/loop-a");
                    break;
                case "/empty.xml":
                    break;
                default:
                    c.Response.StatusCode = 404;
                    break;
            }
        });

        var profile = new Profile("gov-list", "ul.news li", "a", "a@href", "span.date");
        Account Member(string id, SourceKind kind, string path, string? profileName = null) =>
            new(id, id, Platform.Website, Tier.Member, "区政府办", new Source(kind, server.Url(path), profileName));
        var accounts = new List<Account>
        {
            new("head", "定海山", Platform.App, Tier.Head, "区融媒体中心", new Source(SourceKind.Feed, server.Url("good.xml"))),
            Member("wrong-page", SourceKind.Html, "wrong-page.html", "gov-list"),
            Member("not-xml", SourceKind.Feed, "not-xml.xml"),
            Member("missing", SourceKind.Feed, "missing.xml"),
            Member("slow", SourceKind.Feed, "slow.xml"),
            Member("loop", SourceKind.Feed, "loop-a"),
            Member("empty", SourceKind.Feed, "empty.xml"),
        };
        var matrix = new MatrixConfig(new MatrixSettings("测试矩阵", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), AllowPrivateNetworks: true),
            accounts, new Dictionary<string, Profile> { ["gov-list"] = profile });
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fetch:AttemptTimeout"] = "00:00:01",
            ["Fetch:TotalTimeout"] = "00:00:03",
            ["Fetch:RetryBaseDelay"] = "00:00:00.010",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging(b => b.ClearProviders()).AddMonitoring(settings, matrix).BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<PollDispatcher>();
        var round = provider.GetRequiredService<EvaluationRound>();

        var reports = await dispatcher.PollAsync(accounts, null, CancellationToken.None);
        var first = await round.RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(accounts.Count, reports.Count);
        var verdicts = first.Accounts.ToDictionary(a => a.Account.Id, a => a.Evaluation);
        Assert.Equal(Verdict.Qualified, verdicts["head"].Verdict);
        foreach (var id in new[] { "wrong-page", "not-xml", "missing", "slow", "loop", "empty" })
        {
            Assert.Equal(Verdict.Unknown, verdicts[id].Verdict);
            Assert.StartsWith("collection-", verdicts[id].Reasons.Single().Code, StringComparison.Ordinal);
        }

        Assert.Contains("404", verdicts["missing"].Reasons[0].En, StringComparison.Ordinal);
        Assert.Contains("redirect", verdicts["loop"].Reasons[0].En, StringComparison.OrdinalIgnoreCase);
        var states = await provider.GetRequiredService<IPostStore>().GetPollStatesAsync(accounts.Select(a => a.Id).ToList(), CancellationToken.None);
        Assert.Equal(FetchErrorClass.Timeout, states["slow"].LastErrorClass);
        Assert.Equal(FetchErrorClass.Redirects, states["loop"].LastErrorClass);
        Assert.Equal(FetchErrorClass.Http4xx, states["missing"].LastErrorClass);
        Assert.All(new[] { "wrong-page", "not-xml", "missing", "slow", "loop", "empty" }, id => Assert.Equal(1, states[id].ConsecutiveFailures));

        // The good source breaks: its failure is recorded, and the post it gave before is still there.
        breakGood = true;
        await dispatcher.PollAsync(accounts.Take(1).ToList(), null, CancellationToken.None);
        var posts = await provider.GetRequiredService<IPostStore>().GetPostsAsync("head", DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
        Assert.Equal("定海区召开防汛工作会议", Assert.Single(posts).Title);
        states = await provider.GetRequiredService<IPostStore>().GetPollStatesAsync(["head"], CancellationToken.None);
        Assert.Equal(FetchErrorClass.Http5xx, states["head"].LastErrorClass);
        Assert.NotNull(states["head"].LastSuccessAt);
    }
}
