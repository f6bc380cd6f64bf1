using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Web;

/// <summary>The bulletin form's fields, checked: a kind (quarter or month), a period of that kind, one that has started.
/// Each refusal says what was wrong and how to write it, in the page's language.</summary>
internal static class BulletinInput
{
    public static (BulletinPeriod Period, string? Error) Read(string? kind, string? period, TimeZoneInfo zone, DateTimeOffset now, Lang lang)
    {
        if (kind is not ("quarter" or "month"))
            return (default, lang.T($"类型：“{kind}”不是季度（quarter）或月度（month）", $"kind: '{kind}' is not quarter or month"));

        var text = (period ?? string.Empty).Trim();
        if (text.Length is 0 or > 16)
            return (default, lang.T("通报期：请填写，季度写作 2026Q4，月份写作 2026-11", "period: required, a quarter as 2026Q4 or a month as 2026-11"));

        BulletinPeriod parsed;
        try
        {
            parsed = kind == "quarter" ? BulletinPeriod.ParseQuarter(text) : BulletinPeriod.ParseMonth(text);
        }
        catch (FormatException e)
        {
            return (default, lang.T(kind == "quarter" ? $"通报期：“{text}”不是季度，季度写作 2026Q4（第 1–4 季度）" : $"通报期：“{text}”不是月份，月份写作 2026-11（01–12 月）",
                $"period: {e.Message}"));
        }

        if (parsed.Start(zone) > now)
            return (default, lang.T($"通报期：{parsed.Label} 尚未开始（{parsed.Start(zone):yyyy-MM-dd} 开始）", $"period: {parsed.Label} has not started yet (it starts {parsed.Start(zone):yyyy-MM-dd})"));

        return (parsed, null);
    }
}
