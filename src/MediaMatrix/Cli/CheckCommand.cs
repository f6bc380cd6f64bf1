using System.Globalization;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Reports;

namespace MediaMatrix.Cli;

/// <summary>
/// <c>check</c>: poll every account once (bounded parallelism, progress on stderr), evaluate at
/// <c>--now</c>, print the report on stdout. Exit 0 whatever the verdicts; 1 on a config error.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var format = cli.Get("format") ?? "json";
        if (format is not ("json" or "table"))
        {
            await Console.Error.WriteLineAsync($"--format: '{format}' is not json or table");
            return 2;
        }

        DateTimeOffset? at = null;
        if (cli.Get("now") is { } nowText)
        {
            if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await Console.Error.WriteLineAsync($"--now: '{nowText}' is not an ISO 8601 instant (e.g. 2026-12-01T09:00:00+08:00)");
                return 2;
            }

            at = parsed;
        }

        var run = await OneShotRun.PollAllAsync(cli, cancellationToken);
        if (run is null)
        {
            return 1;
        }

        var (provider, matrix) = run.Value;
        await using var owned = provider;
        var now = at ?? provider.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(matrix.Matrix.TimeZone.BaseUtcOffset);
        var report = await provider.GetRequiredService<EvaluationRound>().RunAsync(now, cancellationToken);
        await Console.Out.WriteAsync(format == "json" ? CheckReport.ToJson(report) + Environment.NewLine : CheckTable.Render(report));
        return 0;
    }
}
