using System.Diagnostics;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>Wall time, CPU time and gen-2 collections of one pass over the accounts.</summary>
internal sealed record PassFigures(string Name, int Polls, TimeSpan Wall, TimeSpan Cpu, int Gen2, string Unit = "polls")
{
    public static async Task<PassFigures> MeasureAsync(string name, int polls, Func<Task> pass, string unit = "polls")
    {
        var gen2 = GC.CollectionCount(2);
        var cpu = MachineLoad.CpuTime();
        var wall = Stopwatch.StartNew();
        await pass();
        wall.Stop();
        return new PassFigures(name, polls, wall.Elapsed, MachineLoad.CpuTime() - cpu, GC.CollectionCount(2) - gen2, unit);
    }

    public override string ToString() =>
        $"{Name}: {Polls} {Unit} in {Wall.TotalSeconds:0.00} s wall ({Polls / Wall.TotalSeconds:0}/s), {Cpu.TotalSeconds:0.00} s CPU " +
        $"({Cpu.TotalMilliseconds * 1000 / Math.Max(1, Polls):0} µs each), {Gen2} gen-2 GCs";
}
