using System.Globalization;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// One scrape of <c>serve</c>'s /metrics, parsed into samples, so a run can take differences between two scrapes:
/// polls by outcome, Quartz job runs, and the lateness histogram's buckets.
/// </summary>
internal sealed class ScrapedMetrics(IReadOnlyList<ScrapedMetrics.Sample> samples)
{
    public sealed record Sample(string Name, string Labels, double Value);

    public static async Task<ScrapedMetrics> ReadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("metrics");
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var name = brace >= 0 && brace < space ? line[..brace] : line[..space];
            var labels = brace >= 0 && brace < space ? line[(brace + 1)..line.LastIndexOf('}')] : "";
            samples.Add(new Sample(name, labels, double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return new ScrapedMetrics(samples);
    }

    /// <summary>The sum of every series of <paramref name="name"/> whose labels contain <paramref name="labelFilter"/>.</summary>
    public double Sum(string name, string labelFilter = "") =>
        samples.Where(s => s.Name == name && s.Labels.Contains(labelFilter, StringComparison.Ordinal)).Sum(s => s.Value);

    /// <summary>A histogram's cumulative bucket counts by upper bound (+Inf last), summed over its series.</summary>
    public SortedDictionary<double, double> Buckets(string histogram)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var sample in samples.Where(s => s.Name == histogram + "_bucket"))
        {
            var le = sample.Labels.Split(',').Select(l => l.Trim()).First(l => l.StartsWith("le=", StringComparison.Ordinal))[4..^1];
            var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, NumberStyles.Float, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + sample.Value;
        }

        return buckets;
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of what a histogram observed between <paramref name="before"/> and
    /// <paramref name="after"/>, interpolated inside its bucket as Prometheus's histogram_quantile does, with the bucket
    /// it fell in (the honest resolution of the figure).
    /// </summary>
    public static (double Value, double Lower, double Upper, double Count) Quantile(ScrapedMetrics before, ScrapedMetrics after, string histogram, double q)
    {
        var start = before.Buckets(histogram);
        var deltas = after.Buckets(histogram).Select(b => (Bound: b.Key, Count: b.Value - start.GetValueOrDefault(b.Key))).ToList();
        var total = deltas.Count == 0 ? 0 : deltas[^1].Count;
        if (total <= 0)
        {
            return (double.NaN, double.NaN, double.NaN, 0);
        }

        var rank = q * total;
        var lower = 0.0;
        var below = 0.0;
        foreach (var (bound, count) in deltas)
        {
            if (count >= rank)
            {
                var value = double.IsPositiveInfinity(bound) ? lower : lower + ((bound - lower) * (rank - below) / Math.Max(1, count - below));
                return (value, lower, bound, total);
            }

            lower = bound;
            below = count;
        }

        return (lower, lower, double.PositiveInfinity, total);
    }

    public static string DescribeQuantile(ScrapedMetrics before, ScrapedMetrics after, string histogram, double q)
    {
        var (value, lower, upper, _) = Quantile(before, after, histogram, q);
        return double.IsNaN(value) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value:0.###} s (bucket {lower:0.###}–{upper:0.###} s)");
    }
}
