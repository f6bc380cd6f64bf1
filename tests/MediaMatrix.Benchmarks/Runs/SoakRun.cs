using System.Globalization;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// E2, the scale soak: N accounts (default 150,000) polled at a steady rate (default 250/s, so each account every
/// N ÷ rate seconds) by the real <c>serve</c> process over Redis, with the simulator's mostly-unchanged sources.
/// One interval of warm-up (every account's first, full fetch), then the measured span. Every 10 s: the process's CPU
/// time and VmRSS; every minute a scrape of /metrics, as a slow Prometheus would (its cost is in the CPU figures).
/// Targets: ≤ 1 core average, lateness p99 ≤ 5 s, RSS flat after warm-up.
/// </summary>
internal static class SoakRun
{
    public static async Task<int> RunAsync(RunArguments args)
    {
        var accounts = args.Int("accounts", 150_000);
        var rate = args.Int("rate", 250);
        var interval = TimeSpan.FromSeconds(Math.Ceiling((double)accounts / rate));
        var measure = TimeSpan.FromSeconds(args.Int("measure-seconds", 600));
        var dispatch = TimeSpan.FromSeconds(args.Int("dispatch-seconds", 15));
        var lookAhead = TimeSpan.FromSeconds(args.Int("look-ahead-seconds", 15));
        var settings = new Dictionary<string, string>
        {
            ["Scheduler__DispatchInterval"] = dispatch.ToString("c", CultureInfo.InvariantCulture),
            ["Scheduler__EvaluationInterval"] = "00:05:00",
            ["Polling__BatchSize"] = args.Int("batch", 5000).ToString(CultureInfo.InvariantCulture),
            ["Polling__LookAhead"] = lookAhead.ToString("c", CultureInfo.InvariantCulture),
        };
        var postgres = args.Text("postgres") ?? Environment.GetEnvironmentVariable("MEDIAMATRIX_BENCH_POSTGRES");

        await using var run = await SteadyServe.StartAsync(accounts, interval, postgres, settings);
        var setup = string.Create(CultureInfo.InvariantCulture, $"{accounts} accounts every {interval.TotalSeconds:0} s ({rate} polls/s), dispatch every {dispatch.TotalSeconds:0} s, " +
            $"look-ahead {lookAhead.TotalSeconds:0} s, Quartz {(run.Clustered ? "clustered on PostgreSQL" : "in-memory")}");
        MachineLoad.Report("E2", $"{setup}; serve up after {run.Clock.Elapsed.TotalSeconds:0} s; warm-up until {interval.TotalSeconds + 10:0} s, then {measure.TotalSeconds:0} s measured");

        var warmUpEnd = interval + TimeSpan.FromSeconds(10);
        var end = warmUpEnd + measure;
        var first = await IntervalReading.StartAsync(run.Serve, run.Clock);
        IntervalReading? measured = null;
        var rss = new List<(double At, double Mb)>();
        var last = first;
        for (var at = TimeSpan.FromSeconds(10 * Math.Ceiling(run.Clock.Elapsed.TotalSeconds / 10)); at <= end; at += TimeSpan.FromSeconds(10))
        {
            await run.UntilAsync(at);
            var (cpu, mb) = (run.Serve.CpuTime, run.Serve.RssMegabytes);
            if (at >= warmUpEnd)
            {
                rss.Add((at.TotalSeconds, mb));
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"t={at.TotalSeconds:0} s CPU {cpu.TotalSeconds:0.0} s RSS {mb:0} MB");
            if (measured is null && at >= warmUpEnd)
            {
                measured = await IntervalReading.StartAsync(run.Serve, run.Clock);
                MachineLoad.Report("E2", $"warm-up {IntervalReading.Describe(first, measured)}");
                last = measured;
            }
            else if ((int)at.TotalSeconds % 60 == 0 && at < end)
            {
                var now = await IntervalReading.EndAsync(run.Serve, run.Clock);
                line += "; last minute " + IntervalReading.Describe(last, now);
                last = now;
            }

            MachineLoad.Report("E2", line);
        }

        var final = await IntervalReading.EndAsync(run.Serve, run.Clock);
        MachineLoad.Report("E2", $"{setup}; measured {IntervalReading.Describe(measured ?? first, final)}");
        MachineLoad.Report("E2", $"RSS after warm-up: {Describe(rss)}");
        return 0;
    }

    /// <summary>First, last, min, max and the least-squares slope, so "flat" is a number.</summary>
    private static string Describe(List<(double At, double Mb)> rss)
    {
        if (rss.Count < 2)
        {
            return "too few samples";
        }

        var meanT = rss.Average(r => r.At);
        var meanM = rss.Average(r => r.Mb);
        var slope = rss.Sum(r => (r.At - meanT) * (r.Mb - meanM)) / rss.Sum(r => (r.At - meanT) * (r.At - meanT));
        return string.Create(CultureInfo.InvariantCulture,
            $"{rss.Count} samples, first {rss[0].Mb:0} MB, last {rss[^1].Mb:0} MB, min {rss.Min(r => r.Mb):0}, max {rss.Max(r => r.Mb):0}, slope {slope * 60:0.0} MB/min");
    }
}
