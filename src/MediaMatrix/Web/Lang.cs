using System.Globalization;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Web;

/// <summary>zh-CN by default; English with <c>?lang=en</c>, remembered in a cookie.</summary>
public readonly record struct Lang(bool English)
{
    public const string Cookie = "mm_lang";

    public static Lang Of(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (asked is "en" or "zh")
        {
            context.Response.Cookies.Append(Cookie, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            return new Lang(asked == "en") { Zone = ZoneOf(context) };
        }

        return new Lang(context.Request.Cookies[Cookie] == "en") { Zone = ZoneOf(context) };
    }

    /// <summary>The matrix's zone: every time a person reads is shown in it (the page says which, once).</summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>A time in the matrix's zone, to the minute; "—" for none.</summary>
    public string Time(DateTimeOffset? at) =>
        at is not { } t ? "—" : Zone is null ? t.ToString(ZoneClock.Pattern, CultureInfo.InvariantCulture) : ZoneClock.Time(t, Zone);

    /// <summary>A day in the matrix's zone, for a date the source stated without a time.</summary>
    public string Day(DateTimeOffset at) =>
        Zone is null ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ZoneClock.Day(at, Zone);

    /// <summary>The zone's id and its offset at <paramref name="now"/> as "UTC+08:00".</summary>
    public (string Zone, string Utc) ZoneOffset(DateTimeOffset now)
    {
        var zone = Zone ?? TimeZoneInfo.Utc;
        return (zone.Id, ZoneClock.Offset(zone, now));
    }

    private static TimeZoneInfo? ZoneOf(HttpContext context) =>
        context.RequestServices.GetService<Monitoring.Matrix.MatrixConfig>()?.Matrix.TimeZone;

    public string Code => English ? "en" : "zh-CN";
}
