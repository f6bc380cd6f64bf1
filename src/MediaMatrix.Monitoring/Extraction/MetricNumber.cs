using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Reads an engagement figure as platforms print it: <c>1234</c>, <c>1,234</c>, <c>1.2万</c>,
/// <c>10万+</c> (WeChat's cap), <c>3亿</c>, <c>1.5k</c>, <c>阅读 5678</c>. Anything else is unknown, not zero.
/// </summary>
internal static partial class MetricNumber
{
    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>万|w|W|亿|k|K|千)?")]
    private static partial Regex Figure();

    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Figure().Match(text.Replace(",", string.Empty, StringComparison.Ordinal));
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var factor = match.Groups["unit"].Value switch
        {
            "万" or "w" or "W" => 10_000d,
            "亿" => 100_000_000d,
            "k" or "K" or "千" => 1_000d,
            _ => 1d,
        };
        var value = n * factor;
        return value is >= 0 and < long.MaxValue ? (long)Math.Round(value) : null;
    }
}
