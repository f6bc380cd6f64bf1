using System.Diagnostics;
using System.Text.RegularExpressions;
using MediaMatrix.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// Reliability R3 with a real <c>mediamatrix serve</c> process on a Redis of the test's own: Redis killed for 5 s and for
/// 60 s while the dispatcher ticks every second. The process keeps running, /readyz says why it is not ready and recovers
/// on its own, the failed store calls are counted in /metrics, and polling goes on after the outage.
/// </summary>
public sealed partial class RedisOutageTests(ITestOutputHelper output)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public async Task R3_RedisDown_AppKeepsRunningReconnectsCountsFailuresAndPollsAgain(int outageSeconds)
    {
        await using var redis = await RedisInstance.StartAsync(RedisInstance.Durable);
        var fetches = 0;
        await using var source = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref fetches);
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        });
        var folder = Directory.CreateTempSubdirectory("mediamatrix-r3-").FullName;
        var config = Path.Combine(folder, "matrix.yaml");
        await File.WriteAllTextAsync(config, $"""
            matrix:
              name: R3 test matrix
              timezone: Asia/Shanghai
              allowPrivateNetworks: true
            accounts:
              - id: steady
                name: 稳定
                platform: website
                tier: head
                department: 测试
                source: {"{"} kind: feed, url: "{source.Url("feed.xml")}" {"}"}
                pollInterval: 2s
            """);
        await using var app = CliProcess.Start(new Dictionary<string, string>
        {
            ["Store__Kind"] = "redis",
            ["Redis__Configuration"] = redis.EndPoint,
            ["Scheduler__DispatchInterval"] = "00:00:01",
            ["Matrix__Config"] = config,
            ["Urls"] = "http://127.0.0.1:0",
        }, "serve");
        try
        {
            var baseUrl = await app.WaitForServingUrlAsync(TimeSpan.FromSeconds(60));
            await WaitForReadyAsync(baseUrl, ready: true, TimeSpan.FromSeconds(30));

            await redis.KillAsync();
            var down = await WaitForReadyAsync(baseUrl, ready: false, TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromSeconds(outageSeconds));
            Assert.False(app.HasExited, "serve exited while Redis was down");
            await redis.StartAgainAsync();
            var restarted = Stopwatch.StartNew();
            await WaitForReadyAsync(baseUrl, ready: true, TimeSpan.FromSeconds(60));
            var reconnected = restarted.Elapsed;

            // Polling goes on by itself: the source is read again after the outage (every 2 s when healthy; the back-off
            // ladder may hold the account a little longer after failed writes).
            var fetchesAtRecovery = Volatile.Read(ref fetches);
            var pollingAgain = Stopwatch.StartNew();
            while (Volatile.Read(ref fetches) == fetchesAtRecovery && pollingAgain.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(200);
            }

            Assert.True(Volatile.Read(ref fetches) > fetchesAtRecovery, "the source was not polled again within 90 s of Redis coming back");

            var metrics = await Http.GetStringAsync($"{baseUrl}/metrics");
            var errors = ErrorsMetric().Match(metrics);
            output.WriteLine($"R3 ({outageSeconds} s): polled again {pollingAgain.Elapsed.TotalSeconds:F1} s after ready; while down /readyz said \"{down.Trim().Replace('\n', ' ')}\"; ready again {reconnected.TotalSeconds:F1} s after Redis restarted; {errors.Value}");
            Assert.True(errors.Success && double.Parse(errors.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, "no store errors counted");
            Assert.Contains("redis unreachable", down, StringComparison.Ordinal);
        }
        finally
        {
            output.WriteLine(app.Stderr.Length > 2000 ? app.Stderr[^2000..] : app.Stderr);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> WaitForReadyAsync(string baseUrl, bool ready, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var body = "";
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await Http.GetAsync($"{baseUrl}/readyz");
                body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode == ready)
                {
                    return body;
                }
            }
            catch (HttpRequestException)
            {
                // the app must not be down; keep asking, the assertion below says so if it stays down
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"/readyz never became {(ready ? "ready" : "not ready")} within {timeout}: {body}");
    }

    [GeneratedRegex(@"mediamatrix_store_errors_total\{operation=""claim""\} (\S+)")]
    private static partial Regex ErrorsMetric();
}
