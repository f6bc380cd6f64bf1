using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.Access;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.IntegrationTests.Web;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Content;

/// <summary>
/// Issue 13's acceptance over real HTTP on loopback, on Redis: a feed whose posts carry each kind of problem gives the
/// findings expected and no others; confirming the serious one makes <c>check</c>, the page, the metric and the bulletin
/// say unqualified with the reason; dismissing another clears it for good. In real Chromium the account page shows the
/// evidence and the finding's excerpt, and a payload in the excerpt does not run.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ContentFindingAcceptanceTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // The problem each post carries, and the rule it must fire (null: it must fire nothing).
    private static readonly (string Id, string Title, string Body, string? Rule)[] Posts =
    [
        ("p-id", "低保对象公示", "张三，身份证号330902198503150022，住址略。", "privacy:id-number"),
        ("p-mobile", "志愿者招募", "报名联系李四，手机13957212345 &lt;img src=x onerror=\"window.__pwned=1\"&gt;", "privacy:mobile"),
        ("p-card", "捐款通道", "户名某某，卡号6222021001123456789。", "privacy:bank-card"),
        ("p-masked", "办事指南", "联系人王五，电话138****1234，身份证号3309**********0022；值班手机139 0580 1234。", null),
        ("p-prc", "中华人民共合国成立77周年", "举行升旗仪式。", "lexicon:prc-name"),
        ("p-typo", "表彰大会", "希望大家再接再励。", "lexicon:keep-going"),
        ("p-link", "便民链接", "详见 https://www.bet-example.com/promo 。", "link:denied"),
        ("p-clean", "冬季防火提示", "请注意用火安全。", null),
    ];

    [Fact]
    public async Task EachProblem_GivesItsFinding_ConfirmVetoesEverywhere_DismissClearsForGood_AndTheBrowserShowsTheEvidenceSafely()
    {
        var now = DateTimeOffset.UtcNow;
        await using var server = await LoopbackServer.StartAsync(c => FeedAsync(c, now));
        var dir = Directory.CreateTempSubdirectory("mm-content-accept-").FullName;
        var config = Path.Combine(dir, "matrix.yaml");
        await File.WriteAllTextAsync(config, $$"""
            matrix: { name: 内容检查测试, timezone: Asia/Shanghai, allowPrivateNetworks: true }
            content:
              allowedNumbers: ["139 0580 1234"]
              deniedHosts: [bet-example.com]
            accounts:
              - { id: head, name: 融媒体中心, platform: app, tier: head, department: 区融媒体中心, source: { kind: feed, url: "{{server.Url("head.xml")}}" } }
              - { id: leaky, name: 民政发布, platform: wechat, tier: member, department: 区民政局, source: { kind: feed, url: "{{server.Url("leaky.xml")}}" } }
            """);
        var prefix = $"content-{Guid.NewGuid():N}";
        await using var host = await WorkplaceHost.StartAsync(config, new Dictionary<string, string?>
        {
            ["Store:Kind"] = "redis",
            ["Redis:Configuration"] = redis.EndPoint,
            ["Store:KeyPrefix"] = prefix,
            ["Scheduler:EvaluationInterval"] = "00:00:02",
            ["Web:ReportMaxAge"] = "00:00:00",
        });
        using var api = host.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Services.GetRequiredService<ApiTokens>().Issue("operator", "content-test").Secret);

        // The findings expected and no others.
        var findings = await WaitForAsync(async () =>
        {
            var list = await FindingsAsync(api, "");
            return list.Count >= Posts.Count(p => p.Rule is not null) ? list : null;
        });
        Assert.Equal(
            Posts.Where(p => p.Rule is not null).Select(p => (p.Id, p.Rule!)).Order(),
            findings.Select(f => (f.GetProperty("postId").GetString()!, f.GetProperty("rule").GetString()!)).Order());
        Assert.All(findings, f => Assert.Equal("leaky", f.GetProperty("accountId").GetString()));
        Assert.All(findings, f => Assert.Equal("proposed", f.GetProperty("status").GetString()));
        var byRule = findings.ToDictionary(f => f.GetProperty("rule").GetString()!);
        Assert.Equal("minor", byRule["lexicon:keep-going"].GetProperty("severity").GetString());
        Assert.Equal("330902********0022", byRule["privacy:id-number"].GetProperty("excerpt").GetProperty("match").GetString());
        Assert.DoesNotContain("330902198503150022", JsonSerializer.Serialize(findings), StringComparison.Ordinal);
        // Proposals never veto by themselves.
        Assert.Equal("qualified", await VerdictAsync(api, "leaky"));

        // Confirm the leaked ID: unqualified in the API, the page, the metric, the bulletin and check.
        var idFinding = byRule["privacy:id-number"].GetProperty("id").GetString()!;
        using (var confirmed = await api.PostAsJsonAsync($"/api/v1/content-findings/{idFinding}/confirm", new { note = "已核实，通知删除" }))
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("unqualified", await VerdictAsync(api, "leaky"));
        var reasons = (await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts/leaky")).GetProperty("evaluation").GetProperty("reasons")
            .EnumerateArray().Select(r => r.GetProperty("zh").GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("单项否决", StringComparison.Ordinal) && r.Contains("泄露个人信息", StringComparison.Ordinal));
        Assert.Contains("泄露个人信息", await api.GetStringAsync("/accounts/leaky"), StringComparison.Ordinal);
        await WaitForAsync(async () =>
            (await api.GetStringAsync("/metrics")).Split('\n').Any(l => l.StartsWith("mediamatrix_account_unqualified{", StringComparison.Ordinal)
                && l.Contains("account=\"leaky\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)) ? "" : null);
        var bulletin = await host.Services.GetRequiredService<BulletinService>().CreateAsync(BulletinPeriod.Month(now.Year, now.Month), DateTimeOffset.UtcNow, CancellationToken.None);
        var problems = BulletinTables.Of(bulletin).Single(t => t.Name == BulletinTables.Problems);
        Assert.Contains(problems.Rows, r => r[0].Text == "民政发布" && r[3].Text == "单项否决" && r[5].Text!.Contains("泄露个人信息", StringComparison.Ordinal));
        var contentTable = BulletinTables.Of(bulletin).Single(t => t.Name == BulletinTables.Content);
        Assert.Contains(contentTable.Rows, r => r[8].Text == "已确认" && r[5].Text!.Contains("330902********0022", StringComparison.Ordinal));
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Patience, new Dictionary<string, string> { ["Store__KeyPrefix"] = prefix },
            "check", "--config", config, "--store", "redis", "--redis", redis.EndPoint, "--format", "json");
        Assert.True(exit == 0, stderr);
        var checkedLeaky = JsonDocument.Parse(stdout).RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "leaky");
        Assert.Equal("unqualified", checkedLeaky.GetProperty("verdict").GetString());
        Assert.Contains(checkedLeaky.GetProperty("evidence").GetProperty("findingIds").EnumerateArray(), id => id.GetString() == idFinding);

        // Dismiss the bank card as a false positive: gone from the open list, and later rounds never propose it again.
        var card = byRule["privacy:bank-card"].GetProperty("id").GetString()!;
        using (var dismissed = await api.PostAsJsonAsync($"/api/v1/content-findings/{card}/dismiss", new { note = "单位对公账户，非个人信息" }))
            Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        using (var twice = await api.PostAsJsonAsync($"/api/v1/content-findings/{card}/confirm", new { note = "改主意" }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        // A scheduled round after the dismissal finds the same number again, and proposes nothing.
        var round = await host.Services.GetRequiredService<EvaluationRound>().RunAsync(RoundRequest.Scheduled(DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.Empty(round.NewContentFindings);
        Assert.Contains(round.ContentFindings, f => f.Id == card && f.Status == MediaMatrix.Monitoring.Content.FindingStatus.Dismissed);
        Assert.Equal("dismissed", (await FindingsAsync(api, "&status=all")).Single(f => f.GetProperty("id").GetString() == card).GetProperty("status").GetString());
        Assert.DoesNotContain(await FindingsAsync(api, "&status=proposed"), f => f.GetProperty("id").GetString() == card);

        // The account page in Chromium: the evidence block and the finding's excerpt, the payload shown as text only.
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await Chromium.NewPageAsync(browser);
            var dialogs = 0;
            page.Dialog += (_, dialog) =>
            {
                dialogs++;
                _ = dialog.DismissAsync();
            };
            await page.GotoAsync(new Uri(host.BaseUrl, "/accounts/leaky").ToString());
            await page.FillAsync("input[name=username]", "operator");
            await page.FillAsync("input[name=password]", WorkplaceHost.OperatorPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync("**/accounts/leaky");

            var text = await page.InnerTextAsync("body");
            Assert.Contains("检查依据", text, StringComparison.Ordinal);
            Assert.Contains("冬季防火提示", text, StringComparison.Ordinal); // the newest dated post, the 检查时更新日期
            Assert.Contains("139****2345", text, StringComparison.Ordinal);
            Assert.Contains("onerror=\"window.__pwned=1\"", text, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
            Assert.Equal(0, dialogs);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("account-content-findings.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            Directory.Delete(dir, recursive: true);
            await redis.DeleteKeysAsync(prefix + ":*");
        }
    }

    private static async Task FeedAsync(HttpContext context, DateTimeOffset now)
    {
        var leaky = context.Request.Path.Value == "/leaky.xml";
        var items = leaky
            ? Posts.Select((p, i) => (p.Id, p.Title, p.Body, At: now.AddHours(-(Posts.Length - i))))
            : [("h1", "全区经济工作会议召开", "会议部署明年重点工作。", now.AddHours(-1))];
        var rss = string.Concat(items.Select(p =>
            $"<item><title>{p.Title}</title><link>https://gov.example.cn/{p.Id}.html</link><guid isPermaLink=\"false\">{p.Id}</guid>"
            + $"<pubDate>{p.At.ToString("r", CultureInfo.InvariantCulture)}</pubDate><description><![CDATA[<p>{p.Body}</p>]]></description></item>"));
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title>{rss}</channel></rss>");
    }

    private static async Task<List<JsonElement>> FindingsAsync(HttpClient api, string query) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/content-findings?pageSize=100{query}")).GetProperty("items").EnumerateArray()];

    private static async Task<string> VerdictAsync(HttpClient api, string account) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{account}")).GetProperty("account").GetProperty("verdict").GetString()!;

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
                return found;
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(200);
        }
    }
}
