using System.Diagnostics;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// A ratio that survives a loaded box: the candidate and its floor run alternately, a few operations each, many
/// rounds, and the median of the per-round ratios is reported. Load that comes and goes hits both sides of a round
/// alike, where BenchmarkDotNet's one-benchmark-after-another can put a burst of load on one side only. Allocations
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
        var floorMs = new List<double>(rounds);
        var gen2 = GC.CollectionCount(2);
        for (var round = 0; round < rounds; round++)
        {
            var a = Time(floor, opsPerRound);
            var b = Time(candidate, opsPerRound);
            ratios.Add(b / a);
            floorMs.Add(a / opsPerRound);
        }

        gen2 = GC.CollectionCount(2) - gen2;
        ratios.Sort();
        floorMs.Sort();
        var floorBytes = AllocatedBy(floor);
        var candidateBytes = AllocatedBy(candidate);
        return $"ratio median {ratios[rounds / 2]:0.00}× (IQR {ratios[rounds / 4]:0.00}–{ratios[rounds * 3 / 4]:0.00}) over {rounds} rounds; " +
            $"floor median {floorMs[rounds / 2]:0.00} ms/op; allocated {floorBytes / 1024.0:0} KB vs {candidateBytes / 1024.0:0} KB per op; " +
            $"{gen2 * 1000.0 / (2 * rounds * opsPerRound):0.0} gen-2 GCs per 1k ops";
    }

    private static double Time(Func<object?> operation, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            GC.KeepAlive(operation());
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static long AllocatedBy(Func<object?> operation)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(operation());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
