using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Reads the publish date of a post in the forms Chinese government sites, platforms and feeds show: ISO 8601,
/// RFC 822 and its relatives (<see cref="EnglishDates"/>), numeric and 年月日 dates with or without a year, relative forms
/// (3小时前, 1天1小时前, 昨晚8点, 周五), bare clock times, Unix epochs; every spelling of a clock time keeps its time
/// (<see cref="ClockTime"/>). Three rules (docs/extraction.md, issue 12):
/// a form whose day we infer (a weekday, a bare time) resolves to the latest instant not after the reading time;
/// a form that states only a day is <see cref="DatePrecision.Day"/>, never a silent midnight;
/// an unreadable value, an impossible field or trailing junk is false, never "now" and never truncated: guessing would
/// make a dormant account look fresh.
/// </summary>
public static partial class PublishedDateParser
{
    private const string DayTail = @"\s*[日号]?(?:\s*[（(]?(?:周|星期|礼拜)[1-7日天][）)]?)?";

    // Between a date and its time: a space, ISO's T, nothing after 日 or a closing bracket, nothing before 下午 and the like.
    private const string ToTime = @"(?:\s+|T|(?<=[日号）)])\s*|\s*(?=" + ClockTime.Periods + "))";

    private const string Zone = @"(?:\s*(?<zone>Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?|GMT|UTC|CST))?";

    [GeneratedRegex(@"^(?:发布日期|发布时间|更新时间|更新日期|发表时间|发表于|发布于|日期|时间|date|published|updated)\s*[:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^\d{10}(?:\d{3})?$")]
    private static partial Regex Epoch();

    [GeneratedRegex(@"^(?:刚刚|刚才|片刻前|just now)$", RegexOptions.IgnoreCase)]
    private static partial Regex JustNow();

    [GeneratedRegex(@"^(?:约|大约|近|将近)?\s*(?:(?:\d+|半|几|数)\s*个?\s*半?\s*(?:秒钟|秒|分钟|分|小时|钟头|天|日|周|星期|礼拜|月|年)\s*)+(?:以前|之前|前)$")]
    private static partial Regex Ago();

    [GeneratedRegex(@"(?<n>\d+|半|几|数)\s*个?\s*(?<half>半)?\s*(?<unit>秒钟|秒|分钟|分|小时|钟头|天|日|周|星期|礼拜|月|年)")]
    private static partial Regex AgoPart();

    [GeneratedRegex(@"^(?:about\s+)?(?<n>\d+|an?|one)\s+(?<unit>sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishAgo();

    [GeneratedRegex(@"^(?<day>大前天|前天|昨天|昨日|今天|今日|今早|今晨|今晚|昨晚|昨夜|前晚|yesterday|today)(?:\s*" + ClockTime.Pattern + ")?$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedDay();

    [GeneratedRegex(@"^(?<last>上个?)?(?:周|星期|礼拜)(?<wd>[1-7日天])(?:\s*" + ClockTime.Pattern + ")?$")]
    private static partial Regex Weekday();

    [GeneratedRegex("^" + ClockTime.Pattern + "$")]
    private static partial Regex TimeOnly();

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})" + DayTail + "(?:" + ToTime + ClockTime.Pattern + Zone + ")?$")]
    private static partial Regex FullDate();

    // Compact forms some APIs write: 20240305, 20240305 1015, 202403051015(30).
    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})(?:\s*(?<h>\d{2})(?<mi>\d{2})(?<s>\d{2})?)?$")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^(?<m>\d{1,2})\s*(?:-|/|月)\s*(?<d>\d{1,2})" + DayTail + "(?:" + ToTime + ClockTime.Pattern + ")?$")]
    private static partial Regex YearlessDate();

    // Inside longer text only a full date with a four-digit year, standing alone: "2024-03-05T25:00Z" or
    // "2024-03-05extra" is a broken date, not a date followed by words. The time is atomic so a bad time is not dropped.
    [GeneratedRegex(@"(?<![\dA-Za-z])\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?(?>(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)(?![\dA-Za-z:：.])")]
    private static partial Regex EmbeddedDate();

    // ISO 8601 with a "T" or a space and possibly an offset; the offset decides whether the zone applies.
    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?<f>[.,]\d{1,9})?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso8601();

    /// <summary>The instant only; <see cref="TryRead"/> gives its precision too.</summary>
    public static bool TryParse(string? text, DateTimeOffset now, TimeZoneInfo zone, IReadOnlyList<string>? explicitFormats, out DateTimeOffset published)
    {
        var ok = TryRead(text, now, zone, explicitFormats, out var date);
        published = date.At;
        return ok;
    }

    public static bool TryRead(string? text, DateTimeOffset now, TimeZoneInfo zone, IReadOnlyList<string>? explicitFormats, out PublishedDate published)
    {
        published = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // A profile's own formats are tried first, so the feed shortcut waits for them when there are any.
        var hasFormats = explicitFormats is { Count: > 0 };
        if (!hasFormats && FeedDateForms.TryRead(text, zone, out published))
        {
            return true;
        }

        var trimmed = Clean(text);
        if (trimmed.Length == 0 || trimmed.Length > 500)
        {
            return false;
        }

        if (hasFormats && TryExplicit(trimmed, explicitFormats!, zone, out published))
        {
            published = published with { At = TimeZoneInfo.ConvertTime(published.At, zone) };
            return true;
        }

        return (hasFormats && FeedDateForms.TryRead(trimmed, zone, out published)) || TryGeneral(trimmed, now, zone, out published);
    }

    /// <summary>Every form but the explicit ones, without the <see cref="FeedDateForms"/> shortcut (tests compare the two).</summary>
    internal static bool TryGeneral(string trimmed, DateTimeOffset now, TimeZoneInfo zone, out PublishedDate published)
    {
        var ascii = ChineseNumerals.ToAscii(TraditionalForms.ToSimplified(trimmed));
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (!TryKnownForms(ascii, now, local, zone, out published))
        {
            return false;
        }

        // Same instant, shown in the matrix zone, so an epoch or a GMT feed date reads like the rest.
        published = published with { At = TimeZoneInfo.ConvertTime(published.At, zone) };
        return true;
    }

    private static bool TryKnownForms(string ascii, DateTimeOffset now, DateTimeOffset local, TimeZoneInfo zone, out PublishedDate published)
    {
        // A form that matches but holds an impossible field stops here: no looser form may read a part of it.
        published = default;
        if (Iso8601().Match(ascii) is { Success: true } iso)
        {
            return TryIso(iso, zone, out published);
        }

        if (FullDate().Match(ascii) is { Success: true } full)
        {
            return TryFullDate(full, zone, out published);
        }

        return TryEpoch(ascii, out published)
            || TryJustNow(ascii, now, out published)
            || TryAgo(ascii, now, zone, out published)
            || TryNamedDay(ascii, local, zone, out published)
            || TryWeekday(ascii, now, local, zone, out published)
            || TryTimeOnly(ascii, now, local, zone, out published)
            || TryCompact(ascii, zone, out published)
            || TryYearless(ascii, local, zone, out published)
            || EnglishDates.TryParse(ascii, zone, out published)
            || TryEmbedded(ascii, zone, out published);
    }

    // CMS pages put the date in a line with other facts: "2019-09-18 06:23 来源：山西日报".
    // Only a full date with a four-digit year is looked for inside longer text; anything
    // shorter ("3天前", "12-01") inside prose is too likely to be something else.
    private static bool TryEmbedded(string text, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = EmbeddedDate().Match(text);
        return match.Success && match.Length < text.Length
            && FullDate().Match(match.Value.Trim()) is { Success: true } full
            && TryFullDate(full, zone, out published);
    }

    private static string Clean(string text)
    {
        var trimmed = text.Trim().Trim('[', ']', '(', ')', '【', '】', '（', '）').Trim();
        trimmed = Label().Replace(trimmed, string.Empty);
        return trimmed.Trim();
    }

    private static bool TryExplicit(string text, IReadOnlyList<string> formats, TimeZoneInfo zone, out PublishedDate published)
    {
        foreach (var format in formats)
        {
            var precision = format.Contains('H', StringComparison.Ordinal) || format.Contains('h', StringComparison.Ordinal)
                ? DatePrecision.Time
                : DatePrecision.Day;
            var hasOffset = format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal);
            if (hasOffset)
            {
                if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at))
                {
                    published = new PublishedDate(at, precision);
                    return true;
                }
            }
            else if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wallClock))
            {
                published = new PublishedDate(InZone(wallClock, zone), precision);
                return true;
            }
        }

        published = default;
        return false;
    }

    private static bool TryEpoch(string text, out PublishedDate published)
    {
        published = default;
        if (!Epoch().IsMatch(text))
        {
            return false;
        }

        var value = long.Parse(text, CultureInfo.InvariantCulture);
        published = new PublishedDate(text.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value), DatePrecision.Time);
        return true;
    }

    private static bool TryJustNow(string text, DateTimeOffset now, out PublishedDate published)
    {
        published = new PublishedDate(now, DatePrecision.Time);
        return JustNow().IsMatch(text);
    }

    /// <summary>
    /// 3小时前, 半小时前, 约23小时前, 1天1小时前, 1个半小时前, 几分钟前. 几/数 ("a few") count as one: the latest instant
    /// they can mean, the same benefit of the doubt a date-only post gets. A count in days or longer with nothing
    /// finer states a day, not a time: 3天前 is Day precision on the day three days back.
    /// </summary>
    private static bool TryAgo(string text, DateTimeOffset now, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        if (Ago().IsMatch(text))
        {
            var at = now;
            var dayOnly = true;
            foreach (Match part in AgoPart().Matches(text))
            {
                var n = part.Groups["n"].Value switch
                {
                    "半" => 0.5,
                    "几" or "数" => 1,
                    var digits => double.Parse(digits, CultureInfo.InvariantCulture),
                };
                if (n > 100_000)
                {
                    return false;
                }

                n += part.Groups["half"].Success ? 0.5 : 0;
                var unit = part.Groups["unit"].Value;
                dayOnly &= unit is "天" or "日" or "周" or "星期" or "礼拜" or "月" or "年" && n % 1 == 0;
                at = Back(at, unit, n);
            }

            return dayOnly ? DayOf(TimeZoneInfo.ConvertTime(at, zone).Date, zone, out published) : Exact(at, out published);
        }

        if (EnglishAgo().Match(text) is not { Success: true } english)
        {
            return false;
        }

        var count = english.Groups["n"].Value.ToLowerInvariant() switch
        {
            "a" or "an" or "one" => 1,
            var digits => int.Parse(digits, CultureInfo.InvariantCulture),
        };
        var englishUnit = english.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "sec" or "second" => "秒",
            "min" or "minute" => "分",
            "hr" or "hour" => "小时",
            "day" => "天",
            "week" => "周",
            "month" => "月",
            _ => "年",
        };
        var back = Back(now, englishUnit, count);
        return englishUnit is "天" or "周" or "月" or "年"
            ? DayOf(TimeZoneInfo.ConvertTime(back, zone).Date, zone, out published)
            : Exact(back, out published);
    }

    private static DateTimeOffset Back(DateTimeOffset from, string unit, double n) => unit switch
    {
        "秒" or "秒钟" => from.AddSeconds(-n),
        "分" or "分钟" => from.AddMinutes(-n),
        "小时" or "钟头" => from.AddHours(-n),
        "天" or "日" => from.AddHours(-24 * n),
        "周" or "星期" or "礼拜" => from.AddDays(-7 * n),
        "月" when n % 1 != 0 => from.AddMonths(-(int)n).AddDays(-15),
        "月" => from.AddMonths(-(int)n),
        _ when n % 1 != 0 => from.AddYears(-(int)n).AddMonths(-6),
        _ => from.AddYears(-(int)n),
    };

    private static bool TryNamedDay(string text, DateTimeOffset local, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = NamedDay().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var day = match.Groups["day"].Value.ToLowerInvariant();
        var daysBack = day switch
        {
            "今天" or "今日" or "今早" or "今晨" or "今晚" or "today" => 0,
            "昨天" or "昨日" or "昨晚" or "昨夜" or "yesterday" => 1,
            "大前天" => 3,
            _ => 2,
        };

        // 昨晚8点 is 20:00 and 今早7点 07:00: the day's word carries the part of the day when the time has none.
        var period = day switch
        {
            "今早" or "今晨" => "早上",
            "今晚" or "昨晚" or "昨夜" or "前晚" => "晚上",
            _ => null,
        };
        var date = local.Date.AddDays(-daysBack);
        if (!match.Groups["h"].Success)
        {
            return DayOf(date, zone, out published);
        }

        return ClockTime.TryRead(match, period, out var time) && Exact(InZone(date + time, zone), out published);
    }

    /// <summary>周三 15:00 is the latest Wednesday 15:00 not after the reading time: read on a Wednesday at noon, last week's.
    /// 上周三 is the Wednesday of the week before this one (weeks start on Monday).</summary>
    private static bool TryWeekday(string text, DateTimeOffset now, DateTimeOffset local, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = Weekday().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var wd = match.Groups["wd"].Value;
        var target = wd is "日" or "天" or "7" ? 6 : wd[0] - '1';
        var today = ((int)local.DayOfWeek + 6) % 7;
        var daysBack = match.Groups["last"].Success ? today + 7 - target : (today - target + 7) % 7;
        if (!match.Groups["h"].Success)
        {
            return DayOf(local.Date.AddDays(-daysBack), zone, out published);
        }

        if (!ClockTime.TryRead(match, null, out var time))
        {
            return false;
        }

        var at = InZone(local.Date.AddDays(-daysBack) + time, zone);
        if (at > now)
        {
            at = InZone(local.Date.AddDays(-daysBack - 7) + time, zone);
        }

        return Exact(at, out published);
    }

    // A bare time such as "下午3:05" or "08:30" is how lists show a post from the last 24 hours: today's if that time
    // has come, else yesterday's.
    private static bool TryTimeOnly(string text, DateTimeOffset now, DateTimeOffset local, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = TimeOnly().Match(text);
        if (!match.Success || !ClockTime.TryRead(match, null, out var time))
        {
            return false;
        }

        var at = InZone(local.Date + time, zone);
        return Exact(at > now ? InZone(local.Date.AddDays(-1) + time, zone) : at, out published);
    }

    private static bool TryIso(Match match, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var fraction = TimeSpan.Zero;
        if (match.Groups["f"].Success)
        {
            var digits = match.Groups["f"].Value[1..];
            fraction = TimeSpan.FromTicks(long.Parse(digits.PadRight(7, '0')[..7], CultureInfo.InvariantCulture));
        }

        if (!TryDate(Number(match, "y"), Number(match, "m"), Number(match, "d"), out var date)
            || !TryClock(Number(match, "h"), Number(match, "mi"), OptionalNumber(match, "s"), out var clock))
        {
            return false;
        }

        return TryZoned(date + clock + fraction, match.Groups["zone"], zone, out published);
    }

    private static bool TryFullDate(Match match, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        if (!TryDate(Number(match, "y"), Number(match, "m"), Number(match, "d"), out var date))
        {
            return false;
        }

        if (!match.Groups["h"].Success)
        {
            return DayOf(date, zone, out published);
        }

        return ClockTime.TryRead(match, null, out var time) && TryZoned(date + time, match.Groups["zone"], zone, out published);
    }

    private static bool TryCompact(string text, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = CompactDate().Match(text);
        if (!match.Success || !TryDate(Number(match, "y"), Number(match, "m"), Number(match, "d"), out var date))
        {
            return false;
        }

        if (!match.Groups["h"].Success)
        {
            return DayOf(date, zone, out published);
        }

        return TryClock(Number(match, "h"), Number(match, "mi"), OptionalNumber(match, "s"), out var clock)
            && Exact(InZone(date + clock, zone), out published);
    }

    private static bool TryYearless(string text, DateTimeOffset local, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        var match = YearlessDate().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var time = TimeSpan.Zero;
        if (match.Groups["h"].Success && !ClockTime.TryRead(match, null, out time))
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
                return match.Groups["h"].Success ? Exact(InZone(date + time, zone), out published) : DayOf(date, zone, out published);
            }
        }

        return false;
    }

    internal static bool TryZoned(DateTime wallClock, Group zoneGroup, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        if (!zoneGroup.Success)
        {
            return Exact(InZone(wallClock, zone), out published);
        }

        if (!Zones.TryOffset(zoneGroup.Value, out var offset))
        {
            return false;
        }

        return Exact(new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), offset), out published);
    }

    internal static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year is < 1970 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    internal static bool TryClock(int hour, int minute, int second, out TimeSpan clock)
    {
        clock = default;
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        clock = new TimeSpan(hour, minute, second);
        return true;
    }

    internal static bool DayOf(DateTime date, TimeZoneInfo zone, out PublishedDate published)
    {
        published = new PublishedDate(InZone(date.Date, zone), DatePrecision.Day);
        return true;
    }

    private static bool Exact(DateTimeOffset at, out PublishedDate published)
    {
        published = new PublishedDate(at, DatePrecision.Time);
        return true;
    }

    internal static DateTimeOffset InZone(DateTime wallClock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    internal static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    internal static int OptionalNumber(Match match, string group) =>
        match.Groups[group].Success && match.Groups[group].Length > 0 ? Number(match, group) : 0;
}
