using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Cli;

/// <summary>
/// What <c>check</c>, <c>bulletin</c> and <c>digest --preview</c> share: load the matrix, build the engine, poll every account
/// once with progress on stderr (stdout stays for the report).
/// </summary>
internal static class OneShotRun
{
    /// <returns>The engine and the matrix, or null after a config error has been printed.</returns>
    public static async Task<(ServiceProvider Provider, MatrixConfig Matrix)?> PollAllAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var settings = Settings.Build(cli);
        var matrix = MatrixFile.Load(settings, Console.Error);
        if (matrix is null)
        {
            return null;
        }

        var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Error).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddMonitoring(settings, matrix)
            .BuildServiceProvider();
        await PollOnceAsync(provider, matrix, cancellationToken);
        return (provider, matrix);
    }

    /// <summary>Polls every account once with progress on stderr.</summary>
    public static async Task PollOnceAsync(IServiceProvider provider, MatrixConfig matrix, CancellationToken cancellationToken)
    {
        var done = 0;
        var progress = new Progress<PollReport>(r =>
            Console.Error.WriteLine($"[{Interlocked.Increment(ref done)}/{matrix.Accounts.Count}] {r.AccountId}: {Describe(r)}"));
        await provider.GetRequiredService<PollDispatcher>().PollAsync(matrix.Accounts, progress, cancellationToken);
    }

    private static string Describe(PollReport r) => r.Outcome switch
    {
        FetchOutcome.Fetched => $"{r.Items} items, {r.NewPosts} new ({r.Duration.TotalMilliseconds:0} ms)",
        FetchOutcome.NotModified => "not modified",
        _ => $"failed: {r.State.LastErrorClass} {r.State.LastError}",
    };
}
