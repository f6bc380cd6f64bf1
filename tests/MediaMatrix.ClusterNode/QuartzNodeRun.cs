using Microsoft.Extensions.Logging;

namespace MediaMatrix.ClusterNode;

/// <summary>The <c>quartz</c> mode: a clustered node that fires whatever the cluster's schedule holds (the ledger jobs).</summary>
internal static class QuartzNodeRun
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, CancellationToken stop)
    {
        var instance = options["instance"];
        var ledger = new Ledger(options["ledger"]);
        var (services, scheduler) = await ClusterScheduler.BuildAsync(options["postgres"], instance, ledger, null,
            l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        await using (services)
        {
            await scheduler.Start(CancellationToken.None);
            await Console.Out.WriteLineAsync($"ready: node {instance}");
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                // asked to stop: finish the running jobs, as a rolling restart would
            }

            await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        }

        return 0;
    }
}
