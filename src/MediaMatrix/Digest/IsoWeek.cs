using System.Globalization;

namespace MediaMatrix.Digest;

/// <summary>The ISO week a digest belongs to, in the matrix's time zone: the key that makes it once a week ("2026-W48").</summary>
internal static class IsoWeek
{
    public static string KeyOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}");
    }

    /// <summary>The key of the week before <paramref name="instant"/>'s week.</summary>
    public static string PreviousKeyOf(DateTimeOffset instant, TimeZoneInfo zone) => KeyOf(instant.AddDays(-7), zone);

    /// <summary>Monday 00:00 of <paramref name="instant"/>'s week in the zone, as an instant.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return new DateTimeOffset(monday, zone.GetUtcOffset(monday));
    }
}
