using System.Diagnostics;
using System.Globalization;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// What <c>serve</c> did between two readings: its CPU time, polls by outcome, Quartz job runs (firings on this node)
/// and the lateness histogram. The CPU window sits inside the two scrapes (scrape, then CPU at the start; CPU, then
/// scrape at the end), so the scrapes' own cost stays out of it.
/// </summary>
internal sealed record IntervalReading(TimeSpan Wall, TimeSpan Cpu, ScrapedMetrics Metrics)
{
    private const string Lateness = "mediamatrix_poll_lateness_seconds";

    public static async Task<IntervalReading> StartAsync(ServeProcess serve, Stopwatch clock)
    {
        var metrics = await ScrapedMetrics.ReadAsync(serve.Http);
        return new IntervalReading(clock.Elapsed, serve.CpuTime, metrics);
    }

    public static async Task<IntervalReading> EndAsync(ServeProcess serve, Stopwatch clock)
    {
        var (wall, cpu) = (clock.Elapsed, serve.CpuTime);
        return new IntervalReading(wall, cpu, await ScrapedMetrics.ReadAsync(serve.Http));
    }

    public double Polls => Metrics.Sum("mediamatrix_polls_total");

    public static string Describe(IntervalReading from, IntervalReading to)
    {
        var seconds = (to.Wall - from.Wall).TotalSeconds;
        var polls = to.Polls - from.Polls;
        string Outcome(string outcome) => (to.Metrics.Sum("mediamatrix_polls_total", $"outcome=\"{outcome}\"") - from.Metrics.Sum("mediamatrix_polls_total", $"outcome=\"{outcome}\"")).ToString("0", CultureInfo.InvariantCulture);
        var cpu = (to.Cpu - from.Cpu).TotalSeconds;
        var firings = to.Metrics.Sum("mediamatrix_job_runs_total") - from.Metrics.Sum("mediamatrix_job_runs_total");
        var misfires = to.Metrics.Sum("mediamatrix_job_misfires_total") - from.Metrics.Sum("mediamatrix_job_misfires_total");
        var observed = to.Metrics.Sum(Lateness + "_count") - from.Metrics.Sum(Lateness + "_count");
        var meanLateness = observed > 0 ? (to.Metrics.Sum(Lateness + "_sum") - from.Metrics.Sum(Lateness + "_sum")) / observed : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"{seconds:0} s: {polls:0} polls ({polls / seconds:0.0}/s; fetched {Outcome("fetched")}, not_modified {Outcome("not_modified")}, failed {Outcome("failed")}); " +
            $"CPU {cpu:0.0} s = {cpu / seconds:0.000} core, {cpu * 1e6 / Math.Max(1, polls):0} µs per poll; " +
            $"lateness ({observed:0} polls) mean {meanLateness:0.###} s, p50 {ScrapedMetrics.DescribeQuantile(from.Metrics, to.Metrics, Lateness, 0.5)}, " +
            $"p99 {ScrapedMetrics.DescribeQuantile(from.Metrics, to.Metrics, Lateness, 0.99)}; Quartz firings {firings:0} = {firings / seconds:0.000}/s, misfires {misfires:0}");
    }
}
