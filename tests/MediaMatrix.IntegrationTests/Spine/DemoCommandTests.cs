using System.Net;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.IntegrationTests.Web;
using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary>The first of README's two commands: `demo` prints a URL and an admin password (once); after login the page lists every demo account with a verdict.</summary>
public sealed class DemoCommandTests
{
    private static readonly string[] DemoAccounts =
    [
        "dinghaishan", "dh-fabu", "dh-gov", "dh-hrss", "dh-hrss-web", "dh-mz", "dh-edu", "dh-edu-dy", "dh-wlty", "dh-wlty-bili",
        "dh-wj", "dh-police", "dh-police-dy", "dh-scjg", "dh-zj", "dh-nync", "dh-yjgl", "dh-sthj", "dh-jt", "dh-sf", "dh-tyjr",
    ];

    [Fact]
    public async Task Demo_ServesAPageListingEveryAccountWithAVerdict()
    {
        await using var demo = CliProcess.Start("demo", "--urls", "http://127.0.0.1:0", "--sim-port", "0");
        var passwordLine = await demo.WaitForLineAsync(l => l.Contains("Log in as admin with password: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var password = passwordLine.Split("password: ")[1].Split(' ')[0];
        var line = await demo.WaitForLineAsync(l => l.Contains("MediaMatrix demo: open", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var url = new Uri(line.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal)));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/accounts")).StatusCode);
        var login = await http.GetStringAsync("/login");
        var csrf = System.Text.RegularExpressions.Regex.Match(login, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = password, ["__csrf"] = csrf });
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/login", form)).StatusCode);

        // Accounts are first polled within seconds of the start; wait until only the down site is unread.
        var page = "";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            page = await http.GetStringAsync(url);
            if ((await http.GetStringAsync("/api/v1/accounts?verdict=unknown")).Contains("\"total\":1,", StringComparison.Ordinal))
            {
                page = await http.GetStringAsync(url);
                break;
            }

            await Task.Delay(1000);
        }

        Assert.All(DemoAccounts, id => Assert.Contains($"data-account=\"{id}\"", page, StringComparison.Ordinal));
        Assert.Contains("合格", page, StringComparison.Ordinal);
        Assert.Contains("不合格", page, StringComparison.Ordinal);
        Assert.Contains("数据不足", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(url, "/healthz"))).StatusCode);
        var metrics = await http.GetStringAsync(new Uri(url, "/metrics"));
        Assert.Contains("mediamatrix_", metrics, StringComparison.Ordinal);
        // The generated password is printed once, and never again.
        Assert.Single(demo.Stdout.Split('\n'), l => l.Contains(password, StringComparison.Ordinal));
    }

    /// <summary>Every page of the operator's UI, named for its screenshot; the account is an active one with tasks and findings.</summary>
    private static readonly (string Name, string Path)[] Pages =
    [
        ("overview", "/"), ("account", "/accounts/dh-hrss"), ("alerts", "/alerts"), ("cleanup", "/cleanup"), ("tasks", "/tasks"), ("reports", "/reports"),
    ];

    /// <summary>
    /// Issue 15, acceptance 1: a real Chromium, started beside the demo, sees verdicts on the overview and at least one alert
    /// within 60 s of the process start, while /metrics settles (only the down site unknown) within the same minute; then the
    /// demo's cast is all there (tasks done on time, late and not at all, content findings, the seeded cleanup case) and
    /// every page is written to TestResults/screenshots/ in Chinese and English.
    /// </summary>
    [Fact]
    public async Task Demo_FirstAnswer_VerdictsAlertsAndMetrics_WithinAMinuteOfStart()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var demo = CliProcess.Start("demo", "--urls", "http://127.0.0.1:0", "--sim-port", "0");
        // The browser starts while the demo does: its launch is not the demo's minute.
        var launching = Chromium.LaunchAsync();
        var passwordLine = await demo.WaitForLineAsync(l => l.Contains("Log in as admin with password: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var password = passwordLine.Split("password: ")[1].Split(' ')[0];
        var line = await demo.WaitForLineAsync(l => l.Contains("MediaMatrix demo: open", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var url = new Uri(line.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal)));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url };
        var login = await http.GetStringAsync("/login");
        var csrf = System.Text.RegularExpressions.Regex.Match(login, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = password, ["__csrf"] = csrf });
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/login", form)).StatusCode);
        var (playwright, browser) = await launching;
        try
        {
            var page = await Chromium.NewPageAsync(browser);
            await Task.WhenAll(SettlesAsync(http, started), BrowserSeesTheAnswerAsync(page, url, password, started));
            Assert.Contains("不合格", await http.GetStringAsync(url), StringComparison.Ordinal);

            await ShowsTheCastAsync(http);
            await ScreenshotEveryPageAsync(page, url);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>
    /// The alert queue and /metrics come only from the evaluation job (pages re-judge on their own): before, they waited
    /// for its five-minute interval. Now each dispatch run that reads an account not yet judged triggers it, so the
    /// answer settles as the first reads land (on a loaded box over several runs): wait for the settled one, where
    /// only the down site is unknown, within the minute.
    /// </summary>
    private static async Task SettlesAsync(HttpClient http, System.Diagnostics.Stopwatch started)
    {
        string alerts = "", metrics = "";
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            alerts = await http.GetStringAsync("/api/v1/alerts?status=open");
            metrics = await http.GetStringAsync("/metrics");
            if (!alerts.Contains("\"total\":0,", StringComparison.Ordinal) && metrics.Contains("mediamatrix_accounts{verdict=\"unknown\"} 1\n", StringComparison.Ordinal)
                && !metrics.Contains("mediamatrix_accounts{verdict=\"qualified\"} 0", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"no settled answer (alerts, and only the down site unknown on /metrics) within 60 s of start (alerts: {alerts[..Math.Min(200, alerts.Length)]})");
        Assert.Contains("mediamatrix_accounts{verdict=\"unknown\"} 1", metrics, StringComparison.Ordinal); // only the down site
    }

    /// <summary>What a newcomer sees in the browser: every account's row with a verdict on the overview, and an alert row.</summary>
    private static async Task BrowserSeesTheAnswerAsync(IPage page, Uri url, string password, System.Diagnostics.Stopwatch started)
    {
        await page.GotoAsync(new Uri(url, "/login").ToString());
        await page.FillAsync("input[name=username]", "admin");
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));

        bool verdicts = false, alert = false;
        while (started.Elapsed < TimeSpan.FromSeconds(60) && !(verdicts && alert))
        {
            if (!verdicts)
            {
                await page.GotoAsync(new Uri(url, "/?lang=zh").ToString());
                var rows = await page.Locator("tr[data-account]").AllInnerTextsAsync();
                // Verdicts, not the first round's 数据不足 for all: at least one account judged each way.
                verdicts = rows.Count == 21 && rows.Any(r => r.Contains("不合格", StringComparison.Ordinal))
                    && rows.Any(r => r.Replace("不合格", "", StringComparison.Ordinal).Contains("合格", StringComparison.Ordinal));
            }

            if (verdicts && !alert)
            {
                await page.GotoAsync(new Uri(url, "/alerts?lang=zh").ToString());
                alert = await page.Locator("tr[data-alert]").CountAsync() > 0;
            }

            if (!(verdicts && alert))
                await Task.Delay(500);
        }

        Assert.True(verdicts && alert, $"the browser saw verdicts: {verdicts}, an alert: {alert}, within 60 s of start");
    }

    /// <summary>
    /// The demo's cast beyond verdicts (config/demo/README.md, "Cluster tasks, content findings and the cleanup case"):
    /// the keyword rule made the head's five tasks, the members did the settled ones on time, late and not at all, the
    /// content checks proposed findings, and the seeded closure is an open case.
    /// </summary>
    private static async Task ShowsTheCastAsync(HttpClient http)
    {
        using var tasks = JsonDocument.Parse(await http.GetStringAsync("/api/v1/tasks"));
        var ids = tasks.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        Assert.Equal(5, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("auto-dinghaishan-", id, StringComparison.Ordinal));
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            using var cells = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/tasks/{id}/completions"));
            statuses.UnionWith(cells.RootElement.EnumerateArray().Select(c => c.GetProperty("status").GetString()!));
        }

        Assert.Superset(new HashSet<string>(["onTime", "late", "missing"], StringComparer.Ordinal), statuses);

        using var findings = JsonDocument.Parse(await http.GetStringAsync("/api/v1/content-findings"));
        Assert.True(findings.RootElement.GetProperty("total").GetInt32() > 0, "no content finding proposed");

        using var cases = JsonDocument.Parse(await http.GetStringAsync("/api/v1/cases"));
        var seeded = Assert.Single(cases.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("dh-yjgl", seeded.GetProperty("accountId").GetString());
        Assert.Equal("close", seeded.GetProperty("disposition").GetString());
        Assert.Equal("demo-seed", seeded.GetProperty("openedBy").GetString());
        Assert.Equal(3, seeded.GetProperty("steps").GetArrayLength());
    }

    /// <summary>Every page in each language, by URL (the pages' markup is not what this test is about).</summary>
    private static async Task ScreenshotEveryPageAsync(IPage page, Uri url)
    {
        foreach (var lang in new[] { "zh", "en" })
        {
            foreach (var (name, path) in Pages)
            {
                var response = await page.GotoAsync(new Uri(url, $"{path}?lang={lang}").ToString());
                Assert.True(response?.Ok, $"{path}?lang={lang}: {response?.Status}");
                Assert.StartsWith(lang, await page.Locator("html").GetAttributeAsync("lang") ?? "", StringComparison.Ordinal);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"demo-{name}-{lang}.png"), FullPage = true });
            }
        }

        // The task grid shows the head's tasks by their titles.
        await page.GotoAsync(new Uri(url, "/tasks?lang=zh").ToString());
        Assert.Contains("定海区征兵网上报名工作全面启动", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
