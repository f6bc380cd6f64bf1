using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// A clock time in the spellings Chinese pages use, after <see cref="ChineseNumerals"/> and <see cref="TraditionalForms"/>
/// have run: 15:30, 15:30:20.0, 15时30分20秒, 3点, 3点05, 3点半, 3点1刻 (一刻), with a part of the day before it
/// (上午, 下午, 中午, 晚上, 晚, 凌晨, 早上, 傍晚…) or AM/PM after it. One pattern, composed into every date form, so a
/// form that has a time never silently drops it.
/// </summary>
internal static class ClockTime
{
    public const string Periods = "上午|下午|中午|午间|午后|晚上|晚间|夜间|夜里|傍晚|晚|凌晨|早上|早晨|清晨|早";

    public const string Pattern =
        @"(?:(?<ap>" + Periods + @")\s*)?(?<h>\d{1,2})"
        + @"(?:\s*[:：]\s*(?<mi>\d{2})(?:\s*[:：]\s*(?<s>\d{2})(?:\.\d{1,7})?)?"
        + @"|\s*[时点](?:(?<half>半)|(?<q>[123])刻|(?<mi>\d{1,2})\s*分?(?:\s*(?<s>\d{1,2})\s*秒)?)?)"
        + @"(?:\s*(?<en>[AaPp]\.?[Mm]\.?))?";

    /// <param name="defaultPeriod">The part of the day a word before the time implies (昨晚 → 晚上) when the time names none.</param>
    public static bool TryRead(Match match, string? defaultPeriod, out TimeSpan time)
    {
        time = default;
        var hour = PublishedDateParser.Number(match, "h");
        var minute = match.Groups["half"].Success ? 30
            : match.Groups["q"].Success ? 15 * PublishedDateParser.Number(match, "q")
            : PublishedDateParser.OptionalNumber(match, "mi");
        var period = match.Groups["ap"].Success ? match.Groups["ap"].Value : defaultPeriod;
        if (match.Groups["en"].Success)
        {
            // 12 AM is midnight, 12 PM noon; "15:00 PM" is not a time.
            if (hour is < 1 or > 12 || period is not null)
            {
                return false;
            }

            var pm = char.ToUpperInvariant(match.Groups["en"].Value[0]) == 'P';
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        else if (period is not null && !TryPeriod(period, ref hour))
        {
            return false;
        }

        return PublishedDateParser.TryClock(hour, minute, PublishedDateParser.OptionalNumber(match, "s"), out time);
    }

    // Hours past 12 are already on the 24-hour clock (下午15:00 is written too). 晚上12点 is refused: midnight of which day?
    private static bool TryPeriod(string period, ref int hour)
    {
        if (hour > 12)
        {
            return period is not ("上午" or "凌晨" or "早上" or "早晨" or "清晨" or "早");
        }

        switch (period)
        {
            case "下午" or "午后" or "傍晚" when hour < 12:
                hour += 12;
                return true;
            case "晚上" or "晚间" or "夜间" or "夜里" or "晚" when hour == 12:
                return false;
            case "晚上" or "晚间" or "夜间" or "夜里" or "晚" when hour >= 5:
                hour += 12;
                return true;
            case "中午" or "午间" when hour < 6:
                hour += 12;
                return true;
            case "上午" or "凌晨" or "早上" or "早晨" or "清晨" or "早" when hour == 12:
                hour = 0;
                return true;
            default:
                return true;
        }
    }
}
