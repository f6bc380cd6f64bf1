using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Web;

/// <summary>Reports: the exports this host makes (the overview as CSV, the report as JSON) and the bulletins in the bulletins folder.</summary>
internal static class ReportsPage
{
    public static string Render(IReadOnlyList<string> bulletins, Lang lang)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{lang.T("报告与导出", "Reports and exports")}</h1>
            <ul><li><a href="/reports/overview.csv">{lang.T("矩阵总览（CSV）", "Matrix overview (CSV)")}</a></li>
            <li><a href="/api/v1/report">{lang.T("检查报告（JSON）", "Inspection report (JSON)")}</a></li>
            <li><a href="/api/v1/openapi.json">OpenAPI</a></li></ul>
            <h2>{lang.T("通报", "Bulletins")}</h2><ul class="bulletins">
            """);
        foreach (var name in bulletins)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Html.Local("/reports/bulletins", name)}\">{Html.E(name)}</a></li>");
        }

        html.Append(bulletins.Count == 0 ? $"<li>{lang.T("暂无通报（用 mediamatrix bulletin 生成）", "No bulletins yet (make one with mediamatrix bulletin)")}</li></ul>" : "</ul>");
        return html.ToString();
    }

    /// <summary>The overview as CSV. A cell that a spreadsheet would read as a formula is prefixed with ' (reliability X5).</summary>
    public static string Csv(MatrixReport report)
    {
        var csv = new StringBuilder();
        csv.Append("account,name,department,platform,verdict,grade,score,last_post,posts_7d,posts_30d,disposition\r\n");
        foreach (var (a, e) in report.Accounts)
        {
            string[] cells = [a.Id, a.Name, a.Department, a.Platform.ToString().ToLowerInvariant(), e.Verdict.ToString().ToLowerInvariant(),
                e.Grade?.ToString() ?? "", Html.Num(e.Score, "0.#").Replace("—", "", StringComparison.Ordinal), e.LastPostAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
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
