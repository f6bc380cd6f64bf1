using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's <c>prometheus</c> and <c>promtool</c> (package <c>prometheus</c>). Missing tools fail the test with an install
/// hint, never skip it: a skipped check would pass CI while proving nothing.
/// </summary>
public static class PrometheusTools
{
    public const string PrometheusPath = "/usr/bin/prometheus";
    public const string PromtoolPath = "/usr/bin/promtool";

    public static void RequireInstalled()
    {
        foreach (var tool in new[] { PrometheusPath, PromtoolPath })
        {
            if (!File.Exists(tool))
                throw new InvalidOperationException($"{tool} is missing: install Debian's prometheus package (apt-get install prometheus; test.sh does it when root).");
        }
    }

    /// <summary>Runs promtool with the arguments (and optional stdin) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolAsync(string? stdin, params string[] args)
    {
        RequireInstalled();
        var start = new ProcessStartInfo(PromtoolPath) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A real Prometheus on a free loopback port scraping one target every second, with its data in a temp folder.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;

    private PrometheusServer(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Api = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Api { get; }

    public static PrometheusServer Start(string target)
    {
        PrometheusTools.RequireInstalled();
        var directory = Directory.CreateTempSubdirectory("mediamatrix-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: mediamatrix
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = PrometheusTools.FreeLoopbackPort();
        var start = new ProcessStartInfo(PrometheusTools.PrometheusPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusServer(process, directory, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
