using MediaMatrix.Digest;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Cli;

/// <summary>
/// <c>digest --preview FILE</c> writes this week's office digest as HTML without sending or claiming anything (on the
/// embedded store after polling every account once);
/// <c>digest --send-now</c> sends this week's digest now, to every recipient not yet settled (the store keeps it once a week).
/// Exit 0 when nothing failed, 1 on a config error or when a delivery failed for good or is unknown, 2 on usage.
/// </summary>
internal static class DigestCommand
{
    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var preview = cli.Get("preview");
        var sendNow = cli.Has("send-now");
        if ((preview is null && !sendNow) || (preview is not null && sendNow))
        {
            await Console.Error.WriteLineAsync("digest: pass exactly one of --preview FILE or --send-now");
            return 2;
        }

        var settings = Settings.Build(cli);
        var matrix = MatrixFile.Load(settings, Console.Error);
        if (matrix is null)
            return 1;

        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddMonitoring(settings, matrix)
            .AddSmtp(settings)
            .AddWeeklyDigest(settings);
        await using var provider = services.BuildServiceProvider();
        var digest = provider.GetRequiredService<WeeklyDigest>();

        if (preview is not null)
        {
            // On the embedded store nothing was ever read in this process: poll once first, as check and bulletin do, or
            // the preview says 数据不足 for every account. On Redis the preview shows what the monitor has stored.
            if (provider.GetRequiredService<IDigestStore>() is InMemoryDigestStore)
            {
                await OneShotRun.PollOnceAsync(provider, matrix, cancellationToken);
            }

            await File.WriteAllTextAsync(preview, await digest.PreviewAsync(cancellationToken), cancellationToken);
            await Console.Out.WriteLineAsync($"digest preview written to {preview}");
            return 0;
        }

        // A one-shot process has no later run to leave retries to: it waits for its outbox before it reports.
        var result = await digest.SendAsync(cancellationToken, untilRetriesEnd: true);
        await Console.Out.WriteLineAsync($"digest {result.WeekKey}: {result.Recipients} recipients, {result.Sent} sent, {result.Skipped} already settled or held, " +
            $"{result.FailedPermanent} failed-permanent, {result.Unknown} unknown, {result.StillRetrying} still retrying");
        return result.FailedPermanent + result.Unknown + result.StillRetrying == 0 ? 0 : 1;
    }
}
