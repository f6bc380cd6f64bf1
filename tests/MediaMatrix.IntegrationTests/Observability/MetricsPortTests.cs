using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Observability;

/// <summary>With <c>Metrics__Port</c> set, the real <c>serve</c> process answers /metrics only on that port and the
/// UI port no longer exposes it (issue #7: "one port for UI/API and optionally another for /metrics").</summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task MetricsPort_ServesMetricsAlone_AndTheUiPortNoLongerExposesThem()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        var uiPort = PrometheusTools.FreeLoopbackPort();
        var metricsPort = PrometheusTools.FreeLoopbackPort();
        var environment = new Dictionary<string, string> { ["Metrics__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var app = CliProcess.Start(environment, "serve", "--config", simulator.ConfigPath, "--urls", $"http://127.0.0.1:{uiPort}");
        await app.WaitForLineAsync(l => l.Contains($"127.0.0.1:{metricsPort}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var http = new HttpClient();

        var metrics = await http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        Assert.Equal(System.Net.HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("mediamatrix_", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://127.0.0.1:{uiPort}/metrics"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/healthz"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{uiPort}/healthz"))).StatusCode);
    }

    [Fact]
    public async Task MetricsPort_NotANumber_ServeStopsWithAnErrorNamingTheSetting()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        var environment = new Dictionary<string, string> { ["Metrics__Port"] = "nine-thousand" };
        var (exit, _, stderr) = await CliProcess.RunAsync(TimeSpan.FromSeconds(60), environment, "serve", "--config", simulator.ConfigPath, "--urls", $"http://127.0.0.1:{PrometheusTools.FreeLoopbackPort()}");
        Assert.Equal(1, exit);
        Assert.Contains("mediamatrix: settings: Metrics:Port", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // a message for an operator, not a stack trace
    }
}
