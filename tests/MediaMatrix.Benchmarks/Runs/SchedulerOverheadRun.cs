using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// Q1, the part that exists today: what the dispatcher adds to each poll it dispatches. N accounts whose sources all
/// answer 304 are polled twice each way, alternately: directly (<c>PollAsync</c>, as <c>check</c> does) and through
/// <c>DispatchDueAsync</c> ticks after every account is made due. The difference in CPU time and in Redis round trips,
/// per poll, is the dispatch overhead. Target: ≤ 50 µs CPU per dispatched poll. Lateness p99 and persistent firings
/// need the clustered Quartz scheduler (issue 7, in flight) and are not measured here.
/// </summary>
internal static class SchedulerOverheadRun
{
    public static async Task<int> RunAsync(RunArguments args)
    {
        var members = args.Int("accounts", 2000);
        await using var redis = await RedisProcess.StartAsync();
        await using var simulator = await SimulatorProcess.StartAsync("mixed", members, 0);
        await using var connection = await RedisProcess.ConnectAsync(redis.EndPoint);
        using var monitor = MonitorUnderTest.Create(simulator, connection, "q1");
        var accounts = monitor.Matrix.Accounts;
        var keys = new RedisKeys("q1");

        await monitor.Dispatcher.PollAsync(accounts, null, CancellationToken.None); // stores the ETags: every later poll is a 304
        var direct = new List<(PassFigures Figures, RedisCounters Counters)>();
        var dispatched = new List<(PassFigures Figures, RedisCounters Counters)>();
        for (var round = 0; round < 2; round++)
        {
            direct.Add(await CountAsync(redis, accounts.Count, "direct PollAsync", () => monitor.Dispatcher.PollAsync(accounts, null, CancellationToken.None)));
            await connection.GetDatabase().SortedSetAddAsync(keys.Due, [.. accounts.Select(a => new SortedSetEntry(a.Id, 0))]);
            dispatched.Add(await CountAsync(redis, accounts.Count, "DispatchDueAsync ticks", async () =>
            {
                var polled = 0;
                while (polled < accounts.Count)
                {
                    var reports = await monitor.Dispatcher.DispatchDueAsync(CancellationToken.None);
                    polled += reports.Count;
                    if (reports.Count == 0)
                    {
                        break;
                    }
                }
            }));
        }

        foreach (var (figures, counters) in direct.Concat(dispatched))
        {
            MachineLoad.Report("Q1", $"{figures}; redis {counters.Reads} round trips, {counters.Describe()}");
        }

        var cpuOverhead = (Median(dispatched.Select(d => d.Figures.Cpu.TotalMilliseconds)) - Median(direct.Select(d => d.Figures.Cpu.TotalMilliseconds))) * 1000 / accounts.Count;
        var tripsOverhead = (Median(dispatched.Select(d => (double)d.Counters.Reads)) - Median(direct.Select(d => (double)d.Counters.Reads))) / accounts.Count;
        MachineLoad.Report("Q1", $"dispatch overhead per dispatched poll: {cpuOverhead:0} µs CPU, {tripsOverhead:0.00} extra Redis round trips");
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<(PassFigures, RedisCounters)> CountAsync(RedisProcess redis, int polls, string name, Func<Task> pass)
    {
        var before = await RedisCounters.ReadAsync(redis.Server);
        var figures = await PassFigures.MeasureAsync(name, polls, pass);
        return (figures, (await RedisCounters.ReadAsync(redis.Server)).Minus(before));
    }
}
