using System.Diagnostics;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Deployment;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Observability;

/// <summary>The real thing end to end: <c>mediamatrix serve</c> over the demo simulator, scraped by Debian's Prometheus,
/// queried through its HTTP API; promtool on the scrape and on the chart's rules.</summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_ScrapesTheApp_AndAnswersForAPerAccountAndAMatrixSeries()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        var port = PrometheusTools.FreeLoopbackPort();
        var environment = new Dictionary<string, string> { ["Scheduler__EvaluationInterval"] = "00:00:02" };
        await using var app = CliProcess.Start(environment, "serve", "--config", simulator.ConfigPath, "--urls", $"http://127.0.0.1:{port}");
        await app.WaitForLineAsync(l => l.Contains("is serving", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await using var prometheus = PrometheusServer.Start($"127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = prometheus.Api };

        var perAccount = await QueryUntilAsync(http, "mediamatrix_account_score{account=\"dh-gov\",department=\"区政府办公室\",platform=\"website\",tier=\"member\"}");
        var matrix = await QueryUntilAsync(http, "mediamatrix_accounts{verdict=\"qualified\"}");

        Assert.InRange(double.Parse(perAccount, System.Globalization.CultureInfo.InvariantCulture), 0, 100);
        Assert.True(double.Parse(matrix, System.Globalization.CultureInfo.InvariantCulture) >= 0);

        // promtool check metrics on what the app serves (naming conventions, help text, no duplicate series).
        using var appHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var scrape = await appHttp.GetStringAsync("metrics");
        var (exit, output) = await PrometheusTools.PromtoolAsync(scrape, "check", "metrics");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Promtool_ChecksAndUnitTestsTheChartsAlertRules()
    {
        var rules = Path.Combine(Repo.Chart, "rules", "mediamatrix.rules.yaml");
        var (checkExit, checkOutput) = await PrometheusTools.PromtoolAsync(null, "check", "rules", rules);
        Assert.True(checkExit == 0, checkOutput);

        var (testExit, testOutput) = await PrometheusTools.PromtoolAsync(null, "test", "rules", Path.Combine(Repo.Chart, "rules", "mediamatrix.rules.test.yaml"));
        Assert.True(testExit == 0, testOutput);
    }

    [Fact]
    public void Rules_CoverEveryAlertIssue6AsksFor()
    {
        var rules = File.ReadAllText(Path.Combine(Repo.Chart, "rules", "mediamatrix.rules.yaml"));
        foreach (var alert in new[] { "MediaMatrixAccountUnqualified", "MediaMatrixAccountWeak", "MediaMatrixExtractionBroken", "MediaMatrixPlatformCollectionDown", "MediaMatrixDigestNotSent", "MediaMatrixSchedulerStalled" })
            Assert.Contains($"alert: {alert}", rules, StringComparison.Ordinal);
    }

    /// <summary>Queries until the result has one sample (scrapes every second, evaluations every 2 s) and returns its value.</summary>
    private static async Task<string> QueryUntilAsync(HttpClient http, string query)
    {
        var deadline = Stopwatch.StartNew();
        var last = string.Empty;
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                last = await http.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(query)}");
                using var json = JsonDocument.Parse(last);
                var result = json.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() == 1)
                    return result[0].GetProperty("value")[1].GetString()!;
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no single sample for {query} within 90 s; last answer: {last}");
    }
}
