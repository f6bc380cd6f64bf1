using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Cli;

/// <summary><c>serve</c>: run the monitor until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(CliArguments cli, DemoSetup? demo, CancellationToken cancellationToken)
    {
        var settings = Settings.Build(cli, demo?.Defaults);
        var matrix = MatrixFile.Load(settings, Console.Error);
        if (matrix is null)
        {
            return 1;
        }

        await using var app = MonitorHost.Build(settings, matrix);
        // Loopback unless told otherwise (--urls, Urls, ASPNETCORE_URLS): an office network is not the internet.
        var configured = app.Configuration["urls"] is { Length: > 0 } urls ? urls : settings["Urls"];
        var uiUrls = string.IsNullOrEmpty(configured)
            ? ["http://127.0.0.1:5300"]
            : configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in uiUrls)
        {
            app.Urls.Add(url);
        }

        // Once any address is added here Kestrel ignores the configured ones, so the UI addresses are added above too.
        if (MetricsPort.Read(settings) is { } metricsPort)
        {
            app.Urls.Add(MetricsPort.ListenAddress(uiUrls[0], metricsPort));
        }

        await app.StartAsync(cancellationToken);
        if (demo?.Seed is { } seed)
        {
            await seed(app.Services, cancellationToken);
        }

        foreach (var url in app.Urls)
        {
            await Console.Out.WriteLineAsync(demo is null
                ? $"MediaMatrix is serving {matrix.Matrix.Name} at {url}/"
                : $"MediaMatrix demo: open {url}/ in a browser (运营界面). Ctrl+C stops it.");
        }

        await WaitForStopAsync(app, cancellationToken);
        return 0;
    }

    private static async Task WaitForStopAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: fall through to a graceful stop.
        }

        await app.StopAsync(CancellationToken.None);
    }
}

/// <summary>What <c>demo</c> hands to <c>serve</c>: the bundled matrix and its simulator's settings, and the seed data
/// written once the host has started, before its address is printed.</summary>
internal sealed record DemoSetup(IReadOnlyDictionary<string, string?> Defaults, Func<IServiceProvider, CancellationToken, Task>? Seed = null);
