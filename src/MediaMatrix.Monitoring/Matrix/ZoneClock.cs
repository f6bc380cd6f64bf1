using System.Globalization;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// One clock for everything a person reads outside the pages (mail, notices, CSV, XLSX, bulletins): a time is shown as the
/// matrix's wall clock to the minute, with no offset beside it, and the document names the zone once. Machine formats (API
/// JSON, webhook JSON) keep ISO 8601 with the offset instead.
/// </summary>
public static class ZoneClock
{
    /// <summary>How every rendered time looks: <c>2026-12-02 08:37</c>.</summary>
    public const string Pattern = "yyyy-MM-dd HH:mm";

    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The day, for a date the source stated without a time.</summary>
    public static string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The zone's offset at <paramref name="at"/>: <c>UTC+08:00</c>.</summary>
    public static string Offset(TimeZoneInfo zone, DateTimeOffset at)
    {
        var offset = zone.GetUtcOffset(at);
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    /// <summary>The zone as a document states it: <c>Asia/Shanghai（UTC+08:00）</c>.</summary>
    public static string Name(TimeZoneInfo zone, DateTimeOffset at) => $"{zone.Id}（{Offset(zone, at)}）";

    /// <summary>The sentence a message or file states its zone with: <c>时间均为 Asia/Shanghai（UTC+08:00）</c>.</summary>
    public static string NoteZh(TimeZoneInfo zone, DateTimeOffset at) => $"时间均为 {Name(zone, at)}";
}
