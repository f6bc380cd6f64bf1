using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Matrix;
using Microsoft.Extensions.Localization;

namespace MediaMatrix.Web;

/// <summary>The bulletin form's fields, checked: a kind (quarter or month), a period of that kind, one that has started.
/// Each refusal says what was wrong and how to write it, in the page's language.</summary>
internal static class BulletinInput
{
    public static (BulletinPeriod Period, string? Error) Read(string? kind, string? period, TimeZoneInfo zone, DateTimeOffset now, IStringLocalizer l)
    {
        if (kind is not ("quarter" or "month"))
            return (default, l["类型：“{0}”不是季度（quarter）或月度（month）", kind ?? ""]);

        var text = (period ?? string.Empty).Trim();
        if (text.Length is 0 or > 16)
            return (default, l["通报期：请填写，季度写作 2026Q4，月份写作 2026-11"]);

        BulletinPeriod parsed;
        try
        {
            parsed = kind == "quarter" ? BulletinPeriod.ParseQuarter(text) : BulletinPeriod.ParseMonth(text);
        }
        catch (FormatException)
        {
            return (default, kind == "quarter" ? l["通报期：“{0}”不是季度，季度写作 2026Q4（第 1–4 季度）", text] : l["通报期：“{0}”不是月份，月份写作 2026-11（01–12 月）", text]);
        }

        if (parsed.Start(zone) > now)
            return (default, l["通报期：{0} 尚未开始（{1} 开始）", parsed.Label, ZoneClock.Day(parsed.Start(zone), zone)]);

        return (parsed, null);
    }
}
