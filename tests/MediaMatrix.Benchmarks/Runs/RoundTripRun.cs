using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// R1: Redis commands and client flushes per poll, from INFO deltas on a private redis-server, one poll at a time.
/// Target: a changed page ≤ 2 round trips, a 304 ≤ 1.
/// </summary>
internal static class RoundTripRun
{
    public static async Task<int> RunAsync(RunArguments args)
    {
        var accounts = args.Int("accounts", 10);
        await using var redis = await RedisProcess.StartAsync();
        await using var simulator = await SimulatorProcess.StartAsync("html", accounts, 100_000);
        await using var connection = await RedisProcess.ConnectAsync(redis.EndPoint);
        using var monitor = MonitorUnderTest.Create(simulator, connection, "r1");

        // The first call loads the scripts and warms the connection; it is not counted.
        await monitor.Poller.PollAsync(monitor.Matrix.Head, null, CancellationToken.None);

        var scenarios = new Dictionary<string, List<RedisCounters>>(StringComparer.Ordinal)
        {
            ["changed page, 20 new posts"] = [],
            ["changed page, no new post"] = [],
            ["304 not modified"] = [],
        };
        foreach (var account in monitor.Matrix.Accounts.Skip(1))
        {
            var first = await CountAsync(redis, () => monitor.Poller.PollAsync(account, null, CancellationToken.None));
            scenarios["changed page, 20 new posts"].Add(first.Counters);
            var refetch = first.Report.State with { ETag = null, LastModified = null };
            scenarios["changed page, no new post"].Add((await CountAsync(redis, () => monitor.Poller.PollAsync(account, refetch, CancellationToken.None))).Counters);
            scenarios["304 not modified"].Add((await CountAsync(redis, () => monitor.Poller.PollAsync(account, first.Report.State, CancellationToken.None))).Counters);
        }

        foreach (var (name, counts) in scenarios)
        {
            var reads = counts.Select(c => c.Reads).Order().ToList();
            MachineLoad.Report("R1", $"{name}: median {reads[reads.Count / 2]} round trips (client flushes), max {reads[^1]}, over {counts.Count} polls; {counts[0].Describe()}");
        }

        return 0;
    }

    private static async Task<(PollReport Report, RedisCounters Counters)> CountAsync(RedisProcess redis, Func<Task<PollReport>> poll)
    {
        var before = await RedisCounters.ReadAsync(redis.Server);
        var report = await poll();
        var after = await RedisCounters.ReadAsync(redis.Server);
        return (report, after.Minus(before));
    }
}
