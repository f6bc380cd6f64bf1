using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Reports;

namespace MediaMatrix.Web;

/// <summary>Reports: the exports this host makes (the overview as CSV, the report as JSON), the form operators generate a
/// month's or quarter's bulletin with, and the bulletins generated so far with their period, pack and time.</summary>
internal static class ReportsPage
{
    public static string Render(HttpContext context, IReadOnlyList<BulletinRecord> bulletins, string suggested, Lang lang, string? error = null)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{lang.T("报告与导出", "Reports and exports")}</h1>
            <ul><li><a href="/reports/overview.csv">{lang.T("矩阵总览（CSV）", "Matrix overview (CSV)")}</a></li>
            <li><a href="/api/v1/report">{lang.T("检查报告（JSON）", "Inspection report (JSON)")}</a></li>
            <li><a href="/api/v1/openapi.json">OpenAPI</a></li></ul>
            <h2 id="bulletins">{lang.T("通报", "Bulletins")}</h2>
            """);
        if (error is not null)
            html.Append(CultureInfo.InvariantCulture, $"""<p class="error" role="alert">{Html.E(error)}</p>""");
        if (context.User.CanOperate())
            AppendForm(html, context, suggested, lang);
        AppendList(html, bulletins, lang);
        return html.ToString();
    }

    private static void AppendForm(StringBuilder html, HttpContext context, string suggested, Lang lang) =>
        html.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/reports/bulletins" class="box">{Layout.Token(context)}
            <fieldset><legend>{lang.T("生成通报（HTML、XLSX、CSV）", "Generate a bulletin (HTML, XLSX, CSV)")}</legend>
            <p><label for="bulletin-kind">{lang.T("类型", "Kind")}</label>
            <select id="bulletin-kind" name="kind"><option value="quarter">{lang.T("季度通报", "Quarterly")}</option><option value="month">{lang.T("月度通报", "Monthly")}</option></select>
            <label for="bulletin-period">{lang.T("通报期", "Period")}</label>
            <input id="bulletin-period" name="period" required maxlength="16" value="{Html.E(suggested)}" aria-describedby="bulletin-period-hint">
            <span id="bulletin-period-hint">{lang.T("季度写作 2026Q4，月份写作 2026-11；同一期再次生成会替换旧文件", "A quarter as 2026Q4, a month as 2026-11; generating a period again replaces it")}</span></p>
            <p><button type="submit">{lang.T("生成", "Generate")}</button></p>
            </fieldset></form>
            """);

    private static void AppendList(StringBuilder html, IReadOnlyList<BulletinRecord> bulletins, Lang lang)
    {
        if (bulletins.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="bulletins">{lang.T("暂无通报", "No bulletins yet")}</p>""");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <table class="bulletins"><caption>{lang.T("已生成的通报", "Generated bulletins")}</caption>
            <thead><tr><th scope="col">{lang.T("通报期", "Period")}</th><th scope="col">{lang.T("检查规则", "Rule pack")}</th><th scope="col">{lang.T("监测时间点", "Evaluated at")}</th><th scope="col">{lang.T("生成时间", "Generated")}</th><th scope="col">{lang.T("下载", "Download")}</th></tr></thead><tbody>
            """);
        foreach (var b in bulletins)
        {
            var name = BulletinPeriod.TryParse(b.Period, out var period, out _) && !lang.English ? $"{b.Period}（{period.ChineseName}）" : b.Period;
            var links = string.Join(" · ", b.Formats.Select(f => $"""<a href="{Html.Local("/reports/bulletins", BulletinFiles.FileName(b.Period, f))}" download>{Html.E(f.ToUpperInvariant())}</a>"""));
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{Html.E(name)}</td><td>{Html.E(b.PackTitle)}（{Html.E(b.Pack)}）</td><td>{lang.Time(b.EvaluatedAt)}</td><td>{lang.Time(b.GeneratedAt)}</td><td>{links}</td></tr>
                """);
        }

        html.Append("</tbody></table>");
    }

    /// <summary>
    /// The overview as CSV, times in the matrix's zone (the last_post column names it once, in its header). A cell that a
    /// spreadsheet would read as a formula is prefixed with ' (reliability X5).
    /// </summary>
    public static string Csv(MatrixReport report, TimeZoneInfo zone)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"account,name,department,platform,verdict,grade,score,{Cell($"last_post ({zone.Id} {ZoneClock.Offset(zone, report.EvaluatedAt)})")},posts_7d,posts_30d,disposition\r\n");
        foreach (var (a, e) in report.Accounts)
        {
            string[] cells = [a.Id, a.Name, a.Department, a.Platform.ToString().ToLowerInvariant(), e.Verdict.ToString().ToLowerInvariant(),
                e.Grade?.ToString() ?? "", Html.Num(e.Score, "0.#").Replace("—", "", StringComparison.Ordinal), e.LastPostAt is { } last ? ZoneClock.Time(last, zone) : "",
                e.PostsLast7d.ToString(CultureInfo.InvariantCulture), e.PostsLast30d.ToString(CultureInfo.InvariantCulture), e.Disposition?.Kind.ToString().ToLowerInvariant() ?? ""];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
