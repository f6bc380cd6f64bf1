using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MediaMatrix.Simulator;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// The real <c>mediamatrix serve</c> process (src/MediaMatrix, built in Release) over the simulator's matrix and a
/// private Redis, with the scheduler sped up so every account is polled and evaluated within a minute or two.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    // A fresh bearer token per harness run, known to serve only by its SHA-256.
    private static readonly string Token = "mmt_bench_" + Guid.NewGuid().ToString("N");

    private readonly Process process;
    private readonly string configFile;

    private ServeProcess(Process process, string configFile, Uri baseUrl)
    {
        this.process = process;
        this.configFile = configFile;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>This process's CPU time so far (user + system, from /proc), for CPU-per-poll figures.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The resident set now (VmRSS), in MB.</summary>
    public double RssMegabytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64 / (1024.0 * 1024.0);
        }
    }

    /// <param name="settings">Settings on top of the sped-up defaults below (environment variables, <c>Section__Key</c>).</param>
    /// <param name="pollInterval">Every account's <c>pollInterval</c> in the matrix config. The config always wins over
    /// <c>Polling:MemberInterval</c> (a missing one reads as 1 h for the head, 4 h for members), so a run that wants
    /// another rate must write it there.</param>
    public static async Task<ServeProcess> StartAsync(SimulatorProcess simulator, RedisProcess redis, IReadOnlyDictionary<string, string>? settings = null,
        TimeSpan? pollInterval = null)
    {
        var app = AppPath();
        var configFile = Path.Combine(Path.GetTempPath(), $"mediamatrix-bench-{Environment.ProcessId}.yaml");
        var yaml = DemoMatrixYaml.Render(simulator.BaseUrl, simulator.Cast);
        if (pollInterval is { } every)
        {
            yaml = System.Text.RegularExpressions.Regex.Replace(yaml, "(\n    tier: [^\n]*\n)", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$1    pollInterval: {every.TotalSeconds:0}s\n"));
        }

        await File.WriteAllTextAsync(configFile, yaml);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { app, "serve", "--config", configFile, "--urls", $"http://127.0.0.1:{port}", "--store", "redis", "--redis", redis.EndPoint },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Scheduler__DispatchInterval"] = "00:00:02",
                ["Scheduler__EvaluationInterval"] = "00:00:15",
                ["Polling__BatchSize"] = "2000",
                ["Fetch__MaxConcurrencyPerHost"] = "16",
                ["Logging__LogLevel__Default"] = "Warning",
                // The pages need a login (docs/access.md): the harness reads them as admin through a configured API token.
                ["Auth__AdminPassword"] = Guid.NewGuid().ToString("N"),
                ["Auth__Tokens__0__Name"] = "bench",
                ["Auth__Tokens__0__User"] = "admin",
                ["Auth__Tokens__0__Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Token))).ToLowerInvariant(),
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("mediamatrix serve did not start");
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        var serve = new ServeProcess(process, configFile, new Uri($"http://127.0.0.1:{port}/"));
        await serve.WaitUntilAsync(async () => (await serve.Http.GetAsync("healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(300), "/healthz");
        return serve;
    }

    /// <summary>Waits until the evaluation job has seen every account read: no verdict left unknown.</summary>
    public Task WaitForEveryAccountJudgedAsync(TimeSpan timeout) => WaitUntilAsync(async () =>
    {
        var metrics = await Http.GetStringAsync("metrics");
        // "none" = not evaluated yet, "unknown" = evaluated without enough data (not polled yet).
        return metrics.Contains("mediamatrix_accounts{verdict=\"none\"} 0", StringComparison.Ordinal)
            && metrics.Contains("mediamatrix_accounts{verdict=\"unknown\"} 0", StringComparison.Ordinal)
            && metrics.Contains("mediamatrix_accounts{verdict=\"qualified\"}", StringComparison.Ordinal);
    }, timeout, "every account judged");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        File.Delete(configFile);
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mediamatrix serve exited with {process.ExitCode} while waiting for {what}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}");
    }

    private static string AppPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MediaMatrix.sln")))
            {
                var app = Path.Combine(folder.FullName, "src", "MediaMatrix", "bin", "Release", "net10.0", "mediamatrix.dll");
                return File.Exists(app) ? app : throw new FileNotFoundException($"build the app first: dotnet build src/MediaMatrix -c Release ({app} missing)");
            }
        }

        throw new DirectoryNotFoundException("MediaMatrix.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
