using System.Globalization;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The spellings nearly every feed and list page writes, read without the general parser's chain of patterns: RFC 1123
/// (<c>Tue, 05 Mar 2024 10:00:00 GMT</c> or <c>+0800</c>), ISO 8601 (<c>2024-03-05T10:00:00.1234567+08:00</c>, <c>…Z</c>,
/// no zone, no seconds, a space for the T) and the bare day <c>2024-03-05</c> (day precision). Only the exact shape with every field in range is taken here;
/// anything else, including a shape with an impossible field, returns false and goes to <see cref="PublishedDateParser"/>,
/// which decides. For what it takes, the result is the general parser's to the tick (a test compares both on the date
/// corpus and on generated dates), so this is a shortcut, not a second reading of dates.
/// </summary>
internal static class FeedDateForms
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool TryRead(ReadOnlySpan<char> text, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        text = text.Trim();
        return text.Length switch
        {
            >= 28 and <= 31 when char.IsAsciiLetterUpper(text[0]) => TryRfc1123(text, zone, out published),
            >= 10 and <= 35 when char.IsAsciiDigit(text[0]) => TryIso(text, zone, out published),
            _ => false,
        };
    }

    // "Ddd, d Mon yyyy HH:mm:ss ZONE" with ZONE = GMT or ±hhmm; one or two digits of day.
    private static bool TryRfc1123(ReadOnlySpan<char> text, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        if (text[3] != ',' || text[4] != ' ' || IndexOf(Weekdays, text[..3]) < 0)
        {
            return false;
        }

        var rest = text[5..];
        var dayDigits = rest.Length > 1 && rest[1] == ' ' ? 1 : 2;
        if (!Digits(rest[..dayDigits], out var day) || rest[dayDigits] != ' ')
        {
            return false;
        }

        rest = rest[(dayDigits + 1)..];
        // "Mon yyyy HH:mm:ss " then the zone.
        if (rest.Length < 21 || rest[3] != ' ' || rest[8] != ' ' || rest[11] != ':' || rest[14] != ':' || rest[17] != ' ')
        {
            return false;
        }

        var month = IndexOf(Months, rest[..3]) + 1;
        var zoneText = rest[18..];
        if (month == 0
            || !Digits(rest[4..8], out var year) || !Digits(rest[9..11], out var hour)
            || !Digits(rest[12..14], out var minute) || !Digits(rest[15..17], out var second)
            || !(zoneText is "GMT" || (zoneText.Length == 5 && zoneText[0] is '+' or '-' && Digits(zoneText[1..], out _))))
        {
            return false;
        }

        return Zoned(year, month, day, hour, minute, second, TimeSpan.Zero, zoneText, zone, out published);
    }

    // "yyyy-MM-dd", or "yyyy-MM-dd[T ]HH:mm[:ss[.f…]][ZONE]" with ZONE = Z, ±hh:mm or ±hhmm; no zone is the matrix zone.
    private static bool TryIso(ReadOnlySpan<char> text, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day))
        {
            return false;
        }

        if (text.Length == 10)
        {
            // A day and nothing else: the day in the matrix zone, as the general parser's full-date form gives it.
            if (!PublishedDateParser.TryDate(year, month, day, out var date))
            {
                return false;
            }

            PublishedDateParser.DayOf(date, zone, out published);
            published = published with { At = TimeZoneInfo.ConvertTime(published.At, zone) };
            return true;
        }

        if (text.Length < 16 || text[10] is not ('T' or ' ') || text[13] != ':'
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute))
        {
            return false;
        }

        var rest = text[16..];
        var second = 0;
        var fraction = TimeSpan.Zero;
        if (rest.Length >= 3 && rest[0] == ':')
        {
            if (!Digits(rest[1..3], out second))
            {
                return false;
            }

            rest = rest[3..];
            if (rest.Length > 0 && rest[0] == '.')
            {
                var digits = 1;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                {
                    digits++;
                }

                if (digits is 1 or > 10)
                {
                    return false;
                }

                // As the general parser: at most 7 digits (ticks) count, the rest are cut.
                var ticks = rest[1..Math.Min(digits, 8)];
                fraction = TimeSpan.FromTicks(long.Parse(ticks, CultureInfo.InvariantCulture) * Pow10(7 - ticks.Length));
                rest = rest[digits..];
            }
        }

        if (rest.IsEmpty)
        {
            if (!PublishedDateParser.TryDate(year, month, day, out var date) || !PublishedDateParser.TryClock(hour, minute, second, out var clock))
            {
                return false;
            }

            var local = PublishedDateParser.InZone(date + clock + fraction, zone);
            published = new PublishedDate(TimeZoneInfo.ConvertTime(local, zone), DatePrecision.Time);
            return true;
        }

        var numericZone = (rest.Length == 6 && rest[3] == ':' && Digits(rest[1..3], out _) && Digits(rest[4..], out _))
            || (rest.Length == 5 && Digits(rest[1..], out _));
        if (!(rest is "Z" || (numericZone && rest[0] is '+' or '-')))
        {
            return false;
        }

        return Zoned(year, month, day, hour, minute, second, fraction, rest, zone, out published);
    }

    private static bool Zoned(int year, int month, int day, int hour, int minute, int second, TimeSpan fraction, ReadOnlySpan<char> zoneText, TimeZoneInfo zone, out PublishedDate published)
    {
        published = default;
        if (!PublishedDateParser.TryDate(year, month, day, out var date)
            || !PublishedDateParser.TryClock(hour, minute, second, out var clock)
            || !TryOffset(zoneText, out var offset)
            || offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        var at = new DateTimeOffset(date + clock + fraction, offset);
        published = new PublishedDate(TimeZoneInfo.ConvertTime(at, zone), DatePrecision.Time);
        return true;
    }

    // Only the zone shapes let through above (Z, GMT, ±hh:mm, ±hhmm), read as Zones.TryOffset reads them.
    private static bool TryOffset(ReadOnlySpan<char> zoneText, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zoneText is "Z" or "GMT")
        {
            return true;
        }

        var minutesAt = zoneText.Length == 6 ? 4 : 3;
        if (!Digits(zoneText[1..3], out var hours) || !Digits(zoneText[minutesAt..], out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = zoneText[0] == '-' ? -offset : offset;
        return true;
    }

    private static int IndexOf(string[] names, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
