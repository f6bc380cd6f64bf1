using System.Globalization;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// UTC offsets as feeds write them: +0800, +08:00, +08, GMT+8, GMT+0800, UTC+08:00, and the abbreviations feeds
/// actually carry. An abbreviation not listed is refused rather than guessed.
/// </summary>
internal static class Zones
{
    public static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var zone = text.Trim();
        if (zone.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || zone.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = zone[3..].Trim();
            if (zone.Length == 0)
            {
                return true;
            }
        }

        if (zone[0] is '+' or '-')
        {
            return TryNumeric(zone, out offset);
        }

        switch (zone.ToUpperInvariant())
        {
            case "Z" or "UT":
                return true;

            // In RFC 822 "CST" is US Central, but Chinese feeds use it for China Standard Time,
            // and every feed this monitor reads is Chinese.
            case "CST" or "HKT" or "SGT" or "AWST" or "PHT":
                offset = TimeSpan.FromHours(8);
                return true;
            case "JST" or "KST":
                offset = TimeSpan.FromHours(9);
                return true;
            case "AEST":
                offset = TimeSpan.FromHours(10);
                return true;
            case "MSK":
                offset = TimeSpan.FromHours(3);
                return true;
            case "CEST" or "EET":
                offset = TimeSpan.FromHours(2);
                return true;
            case "CET" or "BST":
                offset = TimeSpan.FromHours(1);
                return true;
            case "EST" or "CDT":
                offset = TimeSpan.FromHours(-5);
                return true;
            case "EDT":
                offset = TimeSpan.FromHours(-4);
                return true;
            case "MST" or "PDT":
                offset = TimeSpan.FromHours(-7);
                return true;
            case "MDT":
                offset = TimeSpan.FromHours(-6);
                return true;
            case "PST":
                offset = TimeSpan.FromHours(-8);
                return true;
            default:
                return false;
        }
    }

    // "+8", "+08", "+0800", "+08:00", "+800".
    private static bool TryNumeric(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length is < 1 or > 4 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hourDigits = digits.Length <= 2 ? digits.Length : digits.Length - 2;
        var hours = int.Parse(digits.AsSpan(0, hourDigits), CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits.AsSpan(hourDigits), CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }
}
