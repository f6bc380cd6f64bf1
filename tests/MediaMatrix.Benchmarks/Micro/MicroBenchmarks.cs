using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// The BenchmarkDotNet side: one process per benchmark, allocations and GC counts beside every time.
/// Without a <c>--job</c> flag the job is short enough for a loaded 2-core box (one launch, 3 warm-ups,
/// 7 measured iterations, so the median is of 7); pass <c>--job default</c> on a quiet machine.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            // Building the generated project takes minutes on a loaded box; the default 2-minute limit is not enough.
            .WithBuildTimeout(TimeSpan.FromMinutes(15));
        if (!args.Contains("--job") && !args.Contains("-j"))
        {
            config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(7).WithId("SharedBox"));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
