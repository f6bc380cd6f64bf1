using System.Net;
using MediaMatrix.IntegrationTests.Infrastructure;

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

    [Fact]
    public async Task Demo_FirstAnswer_VerdictsAlertsAndMetrics_WithinAMinuteOfStart()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var demo = CliProcess.Start("demo", "--urls", "http://127.0.0.1:0", "--sim-port", "0");
        var passwordLine = await demo.WaitForLineAsync(l => l.Contains("Log in as admin with password: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var password = passwordLine.Split("password: ")[1].Split(' ')[0];
        var line = await demo.WaitForLineAsync(l => l.Contains("MediaMatrix demo: open", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var url = new Uri(line.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal)));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url };
        var login = await http.GetStringAsync("/login");
        var csrf = System.Text.RegularExpressions.Regex.Match(login, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = password, ["__csrf"] = csrf });
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/login", form)).StatusCode);

        // The alert queue and /metrics come only from the evaluation job (pages re-judge on their own): before, they waited
        // for its five-minute interval. Now each dispatch run that reads an account not yet judged triggers it, so the
        // answer settles as the first reads land (on a loaded box over several runs): wait for the settled one, where
        // only the down site is unknown, within the minute.
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
        Assert.Contains("不合格", await http.GetStringAsync(url), StringComparison.Ordinal);
    }
}
