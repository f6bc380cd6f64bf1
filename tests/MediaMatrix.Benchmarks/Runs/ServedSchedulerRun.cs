using System.Globalization;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// Q1 over an interval with the real <c>serve</c> process: N accounts due at a steady rate (<see cref="SteadyServe"/>),
/// one interval of warm-up, then a measured interval: CPU per dispatched poll (everything the process did, poll
/// included; the dispatcher's own share is <c>q1</c>'s in-process difference), lateness p50/p99 from
/// <c>mediamatrix_poll_lateness_seconds</c>, and Quartz firings per second on this node (with <c>--postgres</c>, the
/// clustered AdoJobStore, so every firing is a persistent one).
/// </summary>
internal static class ServedSchedulerRun
{
    public static async Task<int> RunAsync(RunArguments args)
    {
        var accounts = args.Int("accounts", 10_000);
        var interval = TimeSpan.FromSeconds(args.Int("interval-seconds", 120));
        var dispatch = TimeSpan.FromSeconds(args.Int("dispatch-seconds", 15));
        var lookAhead = TimeSpan.FromSeconds(args.Int("look-ahead-seconds", 0));
        var measure = TimeSpan.FromSeconds(args.Int("measure-seconds", 180));
        var postgres = args.Text("postgres") ?? Environment.GetEnvironmentVariable("MEDIAMATRIX_BENCH_POSTGRES");
        var settings = new Dictionary<string, string>
        {
            ["Scheduler__DispatchInterval"] = dispatch.ToString("c", CultureInfo.InvariantCulture),
            ["Scheduler__EvaluationInterval"] = "00:05:00",
            ["Polling__BatchSize"] = args.Int("batch", 2000).ToString(CultureInfo.InvariantCulture),
            ["Polling__LookAhead"] = lookAhead.ToString("c", CultureInfo.InvariantCulture),
        };

        await using var run = await SteadyServe.StartAsync(accounts, interval, postgres, settings);
        var setup = $"{accounts} accounts every {interval.TotalSeconds:0} s ({accounts / interval.TotalSeconds:0.0} polls/s), dispatch every {dispatch.TotalSeconds:0} s, " +
            $"look-ahead {lookAhead.TotalSeconds:0} s, Quartz {(run.Clustered ? "clustered AdoJobStore on PostgreSQL" : "in-memory store (no --postgres)")}";
        MachineLoad.Report("Q1", $"{setup}; serve up after {run.Clock.Elapsed.TotalSeconds:0} s, warming up for one interval");
        await run.UntilAsync(interval + TimeSpan.FromSeconds(10));
        var from = await IntervalReading.StartAsync(run.Serve, run.Clock);
        await Task.Delay(measure);
        var to = await IntervalReading.EndAsync(run.Serve, run.Clock);
        MachineLoad.Report("Q1", $"{setup}; measured {IntervalReading.Describe(from, to)}; RSS {run.Serve.RssMegabytes:0} MB");
        return 0;
    }
}
