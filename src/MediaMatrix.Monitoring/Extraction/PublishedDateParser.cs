using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Reads the publish date of a post in the forms Chinese government sites, platforms and feeds
/// show: ISO 8601, RFC 822 (and Weibo's variant of it), numeric and 年月日 dates with or without a
/// year, relative forms (3小时前, 昨天 12:30, 周五), Unix epochs. An unreadable value is false,
/// never "now": guessing would make a dormant account look fresh.
/// </summary>
public static partial class PublishedDateParser
{
    private const string Time = @"(?:\s*(?<ampm>上午|下午|中午|晚上|凌晨|早上)?\s*(?<h>\d{1,2})(?::|：|时|点)(?<mi>\d{1,2})?(?:(?::|：|分)(?<s>\d{1,2})?)?(?:秒)?)";

    [GeneratedRegex(@"^(?:发布日期|发布时间|更新时间|更新日期|发表时间|发表于|发布于|日期|时间|date|published)\s*[:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^\d{10}(?:\d{3})?$")]
    private static partial Regex Epoch();

    [GeneratedRegex(@"^(?<n>\d+)\s*(?<unit>秒|秒钟|分|分钟|小时|个小时|钟头|个钟头|天|日|周|星期|个星期|月|个月|年)\s*(?:以?前)$")]
    private static partial Regex Ago();

    [GeneratedRegex(@"^(?<day>今天|今日|昨天|昨日|前天)" + Time + "?$")]
    private static partial Regex NamedDay();

    [GeneratedRegex(@"^(?:周|星期|礼拜)(?<wd>[1-7日天])" + Time + "?$")]
    private static partial Regex Weekday();

    [GeneratedRegex("^" + Time + "$")]
    private static partial Regex TimeOnly();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:(?:\s+|T|(?<=日)\s*|\s*(?=上午|下午|中午|晚上|凌晨|早上))" + Time + ")?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<m>\d{1,2})\s*(?:-|/|月)\s*(?<d>\d{1,2})\s*日?(?:(?:\s+|(?<=日)\s*|\s*(?=上午|下午|中午|晚上|凌晨|早上))" + Time + ")?$")]
    private static partial Regex YearlessDate();

    [GeneratedRegex(@"(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)")]
    private static partial Regex EmbeddedDate();

    // RFC 822/1123: "Sat, 07 Dec 2019 11:09:36 GMT", "7 Dec 19 11:09 +0800".
    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?\s+(?<y>\d{2,4})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?$")]
    private static partial Regex Rfc822();

    // Weibo's created_at: "Tue Jun 08 09:35:04 +0800 2021" (C's asctime with an offset).
    [GeneratedRegex(@"^[A-Za-z]{3}\s+(?<mon>[A-Za-z]{3})\s+(?<d>\d{1,2})\s+(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})\s+(?<zone>[+-]\d{4}|[A-Za-z]{1,5})\s+(?<y>\d{4})$")]
    private static partial Regex Asctime();

    // ISO 8601 with a "T" and possibly an offset; the offset decides whether the zone applies.
    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?<f>\.\d{1,7})?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso8601();

    public static bool TryParse(
        string? text,
        DateTimeOffset now,
        TimeZoneInfo zone,
        IReadOnlyList<string>? explicitFormats,
        out DateTimeOffset published)
    {
        published = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = Clean(text);
        if (trimmed.Length == 0 || trimmed.Length > 500)
        {
            return false;
        }

        if (explicitFormats is { Count: > 0 } && TryExplicit(trimmed, explicitFormats, zone, out published))
        {
            published = TimeZoneInfo.ConvertTime(published, zone);
            return true;
        }

        var ascii = ChineseNumerals.ToAscii(trimmed);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (!TryKnownForms(ascii, now, local, zone, out published))
        {
            return false;
        }
        // Same instant, shown in the matrix zone, so an epoch or a GMT feed date reads like the rest.
        published = TimeZoneInfo.ConvertTime(published, zone);
        return true;
    }

    private static bool TryKnownForms(string ascii, DateTimeOffset now, DateTimeOffset local, TimeZoneInfo zone, out DateTimeOffset published)
    {
        return TryEpoch(ascii, out published)
            || TryJustNow(ascii, now, out published)
            || TryAgo(ascii, now, out published)
            || TryNamedDay(ascii, local, zone, out published)
            || TryWeekday(ascii, local, zone, out published)
            || TryTimeOnly(ascii, local, zone, out published)
            || TryIso(ascii, zone, out published)
            || TryFullDate(ascii, zone, out published)
            || TryYearless(ascii, local, zone, out published)
            || TryRfc822(ascii, zone, out published)
            || TryAsctime(ascii, zone, out published)
            || TryEmbedded(ascii, zone, out published);
    }

    // CMS pages put the date in a line with other facts: "2019-09-18 06:23 来源：山西日报".
    // Only a full date with a four-digit year is looked for inside longer text; anything
    // shorter ("3天前", "12-01") inside prose is too likely to be something else.
    private static bool TryEmbedded(string text, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = EmbeddedDate().Match(text);
        return match.Success && match.Length < text.Length && TryFullDate(match.Value.Trim(), zone, out published);
    }

    private static string Clean(string text)
    {
        var trimmed = text.Trim().Trim('[', ']', '(', ')', '【', '】', '（', '）').Trim();
        trimmed = Label().Replace(trimmed, string.Empty);
        return trimmed.Trim();
    }

    private static bool TryExplicit(string text, IReadOnlyList<string> formats, TimeZoneInfo zone, out DateTimeOffset published)
    {
        foreach (var format in formats)
        {
            var hasOffset = format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal);
            if (hasOffset)
            {
                if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out published))
                {
                    return true;
                }
            }
            else if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wallClock))
            {
                published = InZone(wallClock, zone);
                return true;
            }
        }
        published = default;
        return false;
    }

    private static bool TryEpoch(string text, out DateTimeOffset published)
    {
        published = default;
        if (!Epoch().IsMatch(text))
        {
            return false;
        }
        var value = long.Parse(text, CultureInfo.InvariantCulture);
        published = text.Length == 13
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : DateTimeOffset.FromUnixTimeSeconds(value);
        return true;
    }

    private static bool TryJustNow(string text, DateTimeOffset now, out DateTimeOffset published)
    {
        published = now;
        return text is "刚刚" or "刚才" or "just now";
    }

    private static bool TryAgo(string text, DateTimeOffset now, out DateTimeOffset published)
    {
        published = default;
        var match = Ago().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            return false;
        }
        published = match.Groups["unit"].Value switch
        {
            "秒" or "秒钟" => now.AddSeconds(-n),
            "分" or "分钟" => now.AddMinutes(-n),
            "小时" or "个小时" or "钟头" or "个钟头" => now.AddHours(-n),
            "天" or "日" => now.AddDays(-n),
            "周" or "星期" or "个星期" => now.AddDays(-7 * n),
            "月" or "个月" => now.AddMonths(-n),
            _ => now.AddYears(-n),
        };
        return true;
    }

    private static bool TryNamedDay(string text, DateTimeOffset local, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = NamedDay().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var daysBack = match.Groups["day"].Value switch
        {
            "今天" or "今日" => 0,
            "昨天" or "昨日" => 1,
            _ => 2,
        };
        return TryTimeOfDay(match, out var time)
            && TryBuild(local.Date.AddDays(-daysBack), time, zone, out published);
    }

    // The latest such weekday on or before today's date: "周五" read on a Friday is today.
    private static bool TryWeekday(string text, DateTimeOffset local, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = Weekday().Match(text);
        if (!match.Success || !TryTimeOfDay(match, out var time))
        {
            return false;
        }
        var wd = match.Groups["wd"].Value;
        var target = wd is "日" or "天" or "7" ? DayOfWeek.Sunday : (DayOfWeek)(wd[0] - '0');
        var daysBack = ((int)local.DayOfWeek - (int)target + 7) % 7;
        return TryBuild(local.Date.AddDays(-daysBack), time, zone, out published);
    }

    // A bare time such as "下午3:05" or "08:30" is how lists show a post from today.
    private static bool TryTimeOnly(string text, DateTimeOffset local, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = TimeOnly().Match(text);
        // "3:" is not a time; "3:05", "下午3点" and "15时" are.
        return match.Success
            && (match.Groups["mi"].Success || match.Groups["ampm"].Success || text.EndsWith('点') || text.EndsWith('时'))
            && TryTimeOfDay(match, out var time)
            && TryBuild(local.Date, time, zone, out published);
    }

    private static bool TryIso(string text, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = Iso8601().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var fraction = match.Groups["f"].Success
            ? TimeSpan.FromTicks((long)(double.Parse("0" + match.Groups["f"].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond))
            : TimeSpan.Zero;
        if (!TryDate(Number(match, "y"), Number(match, "m"), Number(match, "d"), out var date)
            || !TryClock(Number(match, "h"), Number(match, "mi"), OptionalNumber(match, "s"), out var clock))
        {
            return false;
        }
        var wallClock = date + clock + fraction;
        if (!match.Groups["zone"].Success)
        {
            published = InZone(wallClock, zone);
            return true;
        }
        if (!TryOffset(match.Groups["zone"].Value, out var offset))
        {
            return false;
        }
        published = new DateTimeOffset(wallClock, offset);
        return true;
    }

    private static bool TryFullDate(string text, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = FullDate().Match(text);
        return match.Success
            && TryDate(Number(match, "y"), Number(match, "m"), Number(match, "d"), out var date)
            && TryTimeOfDay(match, out var time)
            && TryBuild(date, time, zone, out published);
    }

    private static bool TryYearless(string text, DateTimeOffset local, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = YearlessDate().Match(text);
        if (!match.Success || !TryTimeOfDay(match, out var time))
        {
            return false;
        }
        // Lists drop the year for the current year, so the day is the latest one on or before
        // today: "12月30日" read on 3 January is last year. The day decides, not the time, so a
        // slightly fast server clock does not throw a post back a year. Walking back also finds
        // the last 29 February.
        for (var year = local.Year; year > local.Year - 8; year--)
        {
            if (TryDate(year, Number(match, "m"), Number(match, "d"), out var date) && date <= local.Date)
            {
                return TryBuild(date, time, zone, out published);
            }
        }
        return false;
    }

    private static bool TryRfc822(string text, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = Rfc822().Match(text);
        if (!match.Success || !TryMonth(match.Groups["mon"].Value, out var month))
        {
            return false;
        }
        var year = Number(match, "y");
        if (match.Groups["y"].Length == 2)
        {
            // RFC 822 two-digit years; RFC 2822 reads 00–49 as 20xx.
            year += year < 50 ? 2000 : 1900;
        }
        return TryZoned(year, month, Number(match, "d"), Number(match, "h"), Number(match, "mi"), OptionalNumber(match, "s"), match.Groups["zone"], zone, out published);
    }

    private static bool TryAsctime(string text, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        var match = Asctime().Match(text);
        return match.Success
            && TryMonth(match.Groups["mon"].Value, out var month)
            && TryZoned(Number(match, "y"), month, Number(match, "d"), Number(match, "h"), Number(match, "mi"), OptionalNumber(match, "s"), match.Groups["zone"], zone, out published);
    }

    private static bool TryZoned(int year, int month, int day, int hour, int minute, int second, Group zoneGroup, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = default;
        if (!TryDate(year, month, day, out var date) || !TryClock(hour, minute, second, out var clock))
        {
            return false;
        }
        if (!zoneGroup.Success)
        {
            published = InZone(date + clock, zone);
            return true;
        }
        if (!TryOffset(zoneGroup.Value, out var offset))
        {
            return false;
        }
        published = new DateTimeOffset(date + clock, offset);
        return true;
    }

    private static bool TryOffset(string zoneText, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zoneText[0] is '+' or '-')
        {
            var digits = zoneText[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return false;
            }
            offset = new TimeSpan(hours, minutes, 0);
            if (zoneText[0] == '-')
            {
                offset = -offset;
            }
            return true;
        }
        switch (zoneText.ToUpperInvariant())
        {
            case "Z" or "GMT" or "UT" or "UTC":
                return true;
            // In RFC 822 "CST" is US Central, but Chinese feeds use it for China Standard Time,
            // and every feed this monitor reads is Chinese.
            case "CST":
                offset = TimeSpan.FromHours(8);
                return true;
            case "EST": offset = TimeSpan.FromHours(-5); return true;
            case "EDT": offset = TimeSpan.FromHours(-4); return true;
            case "CDT": offset = TimeSpan.FromHours(-5); return true;
            case "MST": offset = TimeSpan.FromHours(-7); return true;
            case "MDT": offset = TimeSpan.FromHours(-6); return true;
            case "PST": offset = TimeSpan.FromHours(-8); return true;
            case "PDT": offset = TimeSpan.FromHours(-7); return true;
            default: return false;
        }
    }

    private static bool TryMonth(string name, out int month)
    {
        month = name.Length < 3 ? 0 : name[..3].ToUpperInvariant() switch
        {
            "JAN" => 1,
            "FEB" => 2,
            "MAR" => 3,
            "APR" => 4,
            "MAY" => 5,
            "JUN" => 6,
            "JUL" => 7,
            "AUG" => 8,
            "SEP" => 9,
            "OCT" => 10,
            "NOV" => 11,
            "DEC" => 12,
            _ => 0,
        };
        return month != 0;
    }

    // The time part of a match, or midnight when there is none: a date-only value is 00:00 in the zone.
    private static bool TryTimeOfDay(Match match, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        if (!match.Groups["h"].Success)
        {
            return true;
        }
        var hour = Number(match, "h");
        switch (match.Groups["ampm"].Value)
        {
            case "下午" or "晚上" when hour < 12:
                hour += 12;
                break;
            case "中午" when hour < 11:
                hour += 12;
                break;
            case "上午" or "凌晨" or "早上" when hour == 12:
                hour = 0;
                break;
            default:
                break;
        }
        return TryClock(hour, OptionalNumber(match, "mi"), OptionalNumber(match, "s"), out time);
    }

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year is < 1970 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryClock(int hour, int minute, int second, out TimeSpan clock)
    {
        clock = default;
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }
        clock = new TimeSpan(hour, minute, second);
        return true;
    }

    private static bool TryBuild(DateTime date, TimeSpan time, TimeZoneInfo zone, out DateTimeOffset published)
    {
        published = InZone(DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified), zone);
        return true;
    }

    private static DateTimeOffset InZone(DateTime wallClock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static int OptionalNumber(Match match, string group) =>
        match.Groups[group].Success && match.Groups[group].Length > 0 ? Number(match, group) : 0;
}
