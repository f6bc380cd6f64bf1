using MediaMatrix.Reports;
using System.Globalization;
using System.Text;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Cli;

/// <summary>
/// <c>bulletin</c>: poll every account once (as <c>check</c> does), build the period's bulletin (通报) and write it as
/// <c>bulletin-2026Q4.html/.xlsx/.csv</c> into <c>--out</c>, printing each path on stdout. Exit 0 done, 1 config error,
/// 2 usage (a bad or missing period, an unknown format, a period that has not started).
/// </summary>
internal static class BulletinCommand
{
    private static readonly string[] Formats = ["html", "xlsx", "csv"];

    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        if (!TryReadPeriod(cli, out var period, out var error) || !TryReadFormats(cli, out var formats, out error)
            || !TryReadNow(cli, out var at, out error))
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var run = await OneShotRun.PollAllAsync(cli, cancellationToken);
        if (run is null)
        {
            return 1;
        }

        var (provider, matrix) = run.Value;
        await using var owned = provider;
        var now = at ?? provider.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(matrix.Matrix.TimeZone.BaseUtcOffset);
        var service = provider.GetRequiredService<BulletinService>();
        Bulletin bulletin;
        try
        {
            bulletin = await service.CreateAsync(period, now, cancellationToken);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"bulletin: {e.Message}");
            return 2;
        }

        var directory = Path.GetFullPath(cli.Get("out") ?? ".");
        var generatedAt = TimeZoneInfo.ConvertTime(provider.GetRequiredService<TimeProvider>().GetUtcNow(), matrix.Matrix.TimeZone);
        foreach (var path in await BulletinFiles.WriteAsync(bulletin, directory, formats, generatedAt, cancellationToken))
        {
            await Console.Out.WriteLineAsync(path);
        }

        return 0;
    }

    private static bool TryReadPeriod(CliArguments cli, out BulletinPeriod period, out string error)
    {
        period = default;
        error = string.Empty;
        var (quarter, month) = (cli.Get("quarter"), cli.Get("month"));
        if ((quarter is null) == (month is null))
        {
            error = "bulletin: give exactly one of --quarter (e.g. 2026Q4) or --month (e.g. 2026-11)";
            return false;
        }

        try
        {
            period = quarter is not null ? BulletinPeriod.ParseQuarter(quarter) : BulletinPeriod.ParseMonth(month!);
            return true;
        }
        catch (FormatException e)
        {
            error = $"{(quarter is not null ? "--quarter" : "--month")}: {e.Message}";
            return false;
        }
    }

    private static bool TryReadFormats(CliArguments cli, out IReadOnlyList<string> formats, out string error)
    {
        var format = cli.Get("format") ?? "all";
        formats = format == "all" ? Formats : Formats.Where(f => f == format).ToList();
        error = formats.Count == 0 ? $"--format: '{format}' is not html, xlsx, csv or all" : string.Empty;
        return formats.Count > 0;
    }

    private static bool TryReadNow(CliArguments cli, out DateTimeOffset? at, out string error)
    {
        at = null;
        error = string.Empty;
        if (cli.Get("now") is not { } text)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            error = $"--now: '{text}' is not an ISO 8601 instant (e.g. 2026-12-31T18:00:00+08:00)";
            return false;
        }

        at = parsed;
        return true;
    }
}
