using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Dates with English month names as feeds write them, which is rarely RFC 822 to the letter: "Sat, 07 Dec 2019
/// 11:09:36 GMT", without the weekday, the time, the seconds or the comma, with an extra comma ("Tue, 05 Mar, 2024"),
/// full names ("Tuesday, 5 March 2024"), month first ("Mar 5, 2024 10:00 PM"), GMT+8, zone abbreviations, asctime
/// ("Tue Mar  5 10:00:00 2024", Weibo's "Tue Jun 08 09:35:04 +0800 2021") and JavaScript's Date.toString()
/// ("Tue Mar 05 2024 10:00:00 GMT+0800 (China Standard Time)"; the parser's clean-up has trimmed the closing bracket).
/// Names are checked: a word that is not a month or a weekday is refused, not skipped.
/// </summary>
internal static partial class EnglishDates
{
    private const string ZoneToken = @"(?<zone>Z|[+-]\d{1,2}(?::?\d{2})?|(?:GMT|UTC|UT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z]{2,5})";

    private const string TimeToken = @"(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d{1,7})?)?(?:\s*(?<ap>[AaPp]\.?[Mm]\.?))?";

    [GeneratedRegex(@"^(?:(?<wd>[A-Za-z]{3,9})\.?(?:\s*,\s*|\s+))?"
        + @"(?:(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?<mon>[A-Za-z]{3,9})\.?|(?<mon>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?)"
        + @"\s*,?[\s-]+(?<y>\d{4}|\d{2})"
        + @"(?:\s*,?\s*(?:at\s+|T)?" + TimeToken + ")?"
        + @"(?:\s*" + ZoneToken + @")?(?:\s*\([^()]{1,40}\)?)?$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<wd>[A-Za-z]{3,9}),?\s+(?<mon>[A-Za-z]{3,9})\s+(?<d>\d{1,2})\s+" + TimeToken + @"(?:\s+" + ZoneToken + @")?\s+(?<y>\d{4})$")]
    private static partial Regex Asctime();

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static bool TryParse(string text, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = DayMonthYear().Match(text);
        if (!match.Success)
        {
            match = Asctime().Match(text);
        }

        if (!match.Success
            || !TryMonth(match.Groups["mon"].Value, out var month)
            || (match.Groups["wd"].Success && !IsWeekday(match.Groups["wd"].Value)))
        {
            return false;
        }

        var year = PublishedDateParser.Number(match, "y");
        if (match.Groups["y"].Length == 2)
        {
            // RFC 822 two-digit years; RFC 2822 reads 00–49 as 20xx.
            year += year < 50 ? 2000 : 1900;
        }

        if (!PublishedDateParser.TryDate(year, month, PublishedDateParser.Number(match, "d"), out var date))
        {
            return false;
        }

        if (!match.Groups["h"].Success)
        {
            // A day without a time is the day in the matrix zone, whatever zone is written after it.
            return PublishedDateParser.DayOf(date, zone, out published);
        }

        var hour = PublishedDateParser.Number(match, "h");
        if (match.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (char.ToUpperInvariant(match.Groups["ap"].Value[0]) == 'P' ? 12 : 0);
        }

        return PublishedDateParser.TryClock(hour, PublishedDateParser.Number(match, "mi"), PublishedDateParser.OptionalNumber(match, "s"), out var clock)
            && PublishedDateParser.TryZoned(date + clock, match.Groups["zone"], zone, out published);
    }

    private static bool TryMonth(string name, out int month)
    {
        var lower = name.ToLowerInvariant();
        month = 0;
        for (var i = 0; i < Months.Length; i++)
        {
            if (lower.Length >= 3 && (Months[i].StartsWith(lower, StringComparison.Ordinal) || (i == 8 && lower == "sept")))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static bool IsWeekday(string name)
    {
        var lower = name.ToLowerInvariant();
        return Weekdays.Any(d => d.StartsWith(lower, StringComparison.Ordinal) || (lower.Length >= 3 && lower[..3] == d[..3] && lower is "tues" or "thur" or "thurs" or "weds"));
    }
}
