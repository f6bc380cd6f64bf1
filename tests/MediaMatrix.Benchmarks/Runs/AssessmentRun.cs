using System.Diagnostics;
using MediaMatrix.Benchmarks.Micro;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// S1 again, load-resistant: the frequency part against its floor (a bare loop over the same ticks) as an interleaved
/// ratio, then every S1 operation timed alone, median of many runs, with its exact allocations. Same corpus and methods
/// as <see cref="AssessmentBenchmarks"/>.
/// </summary>
internal static class AssessmentRun
{
    public static Task<int> RunAsync(RunArguments options)
    {
        var s1 = new AssessmentBenchmarks { Accounts = options.Int("accounts", 10_000) };
        s1.BuildCorpus();

        // Before and after must agree on the corpus, or the comparison means nothing.
        var completed = s1.MatchTasks().Values.Sum(t => t.Completed);
        if (completed != s1.MatchTasksAnyOrder().Values.Sum(t => t.Completed))
        {
            throw new InvalidOperationException("matching newest first and in any order disagree");
        }

        Console.WriteLine($"// S1 agreement: posts in 90 days {s1.FrequencyCounts()} vs {s1.PreviousFrequencyCounts()} before; " +
            $"tasks completed {completed} vs {s1.PreviousMatchTasks()} before");
        MachineLoad.Report("S1", $"FrequencyCounts / FloorReadTicks {InterleavedRatio.Measure(() => s1.FloorReadTicks(), () => s1.FrequencyCounts(), rounds: 201, opsPerRound: 5)}");
        Report("FloorReadTicks", () => s1.FloorReadTicks(), 101);
        Report("FrequencyCounts", () => s1.FrequencyCounts(), 101);
        Report("PreviousFrequencyCounts", () => s1.PreviousFrequencyCounts(), 21);
        Report("BuildPublicationTimes", () => s1.BuildPublicationTimes(), 21);
        Report("EvaluateWithoutTasks", () => s1.EvaluateWithoutTasks(), 21);
        Report("WalkPostDates", () => s1.WalkPostDates(), 21);
        Report("MatchTasks", s1.MatchTasks, 21);
        Report("MatchTasksAnyOrder", s1.MatchTasksAnyOrder, 21);
        Report("PreviousMatchTasks", () => s1.PreviousMatchTasks(), 5);
        Report("MatchTasksThenEvaluate", () => s1.MatchTasksThenEvaluate(), 21);
        return Task.FromResult(0);
    }

    private static void Report(string name, Func<object?> operation, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            GC.KeepAlive(operation());
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(operation());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var cpuBefore = ThreadCpu.Milliseconds();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(operation());
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add(ThreadCpu.Milliseconds() - cpuBefore);
        }

        times.Sort();
        cpu.Sort();
        MachineLoad.Report("S1", $"{name}: median {times[runs / 2]:0.00} ms (min {times[0]:0.00}, IQR {times[runs / 4]:0.00}–{times[runs * 3 / 4]:0.00}, {runs} runs); " +
            $"thread CPU median {cpu[runs / 2]:0.00} ms (min {cpu[0]:0.00}); allocated {allocated / 1024.0:#,0.0} KB per op");
    }
}
