using System.Diagnostics;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>The machine and its load, printed beside every figure: this box is shared, so a figure without its load means little.</summary>
internal static class MachineLoad
{
    public static string Now() => File.Exists("/proc/loadavg")
        ? $"loadavg {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores"
        : $"{Environment.ProcessorCount} cores";

    /// <summary>This process's peak resident set (VmHWM), in MB.</summary>
    public static double PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public static void Report(string id, string line) => Console.WriteLine($"{id} | {line} | {Now()}");
}
