using System.Diagnostics;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// A ratio that survives a loaded box: the candidate and its floor run alternately, a few operations each, many
/// rounds, and the median of the per-round ratios is reported. Load that comes and goes hits both sides of a round
/// alike, where BenchmarkDotNet's one-benchmark-after-another can put a burst of load on one side only. The same rounds
/// are also timed by this thread's CPU time, which waiting for a core does not inflate (a background gen-2 collection
/// runs on another thread and is not in it; gen-0/1 collections are). Allocations
/// per operation are counted exactly (this thread's allocated bytes), so they need no repetition.
/// </summary>
internal static class InterleavedRatio
{
    public static string Measure(Func<object?> floor, Func<object?> candidate, int rounds = 101, int opsPerRound = 5)
    {
        for (var i = 0; i < 20; i++)
        {
            floor();
            candidate();
        }

        var ratios = new List<double>(rounds);
        var cpuRatios = new List<double>(rounds);
        var floorMs = new List<double>(rounds);
        var gen2 = GC.CollectionCount(2);
        for (var round = 0; round < rounds; round++)
        {
            var (a, aCpu) = Time(floor, opsPerRound);
            var (b, bCpu) = Time(candidate, opsPerRound);
            ratios.Add(b / a);
            cpuRatios.Add(bCpu / aCpu);
            floorMs.Add(a / opsPerRound);
        }

        gen2 = GC.CollectionCount(2) - gen2;
        ratios.Sort();
        cpuRatios.Sort();
        floorMs.Sort();
        var floorBytes = AllocatedBy(floor);
        var candidateBytes = AllocatedBy(candidate);
        return $"ratio median {ratios[rounds / 2]:0.00}× (IQR {ratios[rounds / 4]:0.00}–{ratios[rounds * 3 / 4]:0.00}) over {rounds} rounds; " +
            $"thread CPU {cpuRatios[rounds / 2]:0.00}× (IQR {cpuRatios[rounds / 4]:0.00}–{cpuRatios[rounds * 3 / 4]:0.00}); " +
            $"floor median {floorMs[rounds / 2]:0.00} ms/op; allocated {floorBytes / 1024.0:0} KB vs {candidateBytes / 1024.0:0} KB per op; " +
            $"{gen2 * 1000.0 / (2 * rounds * opsPerRound):0.0} gen-2 GCs per 1k ops";
    }

    // Wall time and this thread's CPU time (ThreadCpu): on a shared box the second leaves out the waits for a core.
    private static (double Wall, double Cpu) Time(Func<object?> operation, int count)
    {
        var cpu = ThreadCpu.Milliseconds();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            GC.KeepAlive(operation());
        }

        return (watch.Elapsed.TotalMilliseconds, ThreadCpu.Milliseconds() - cpu);
    }

    private static long AllocatedBy(Func<object?> operation)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(operation());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
