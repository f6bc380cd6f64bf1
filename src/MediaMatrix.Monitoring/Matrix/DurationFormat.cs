using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Durations as operators write them: <c>90s</c>, <c>30m</c>, <c>4h</c>, <c>1d</c>, combined
/// largest first (<c>1h30m</c>), or a clock-style <c>01:00:00</c> / <c>1.00:00:00</c>.
/// </summary>
public static partial class DurationFormat
{
    public const string Examples = "30m, 1h, 4h, 1d, 90s or 01:00:00";

    [GeneratedRegex(@"^(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$")]
    private static partial Regex UnitPattern();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length == 0)
            return false;

        // A bare number is ambiguous (TimeSpan.Parse reads "1" as a day), so the clock form needs a colon.
        if (text.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);

        var match = UnitPattern().Match(text);
        if (!match.Success)
            return false;

        duration = TimeSpan.FromDays(Part(match, "d"))
            + TimeSpan.FromHours(Part(match, "h"))
            + TimeSpan.FromMinutes(Part(match, "m"))
            + TimeSpan.FromSeconds(Part(match, "s"));
        return true;
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].ValueSpan, CultureInfo.InvariantCulture) : 0;
}
