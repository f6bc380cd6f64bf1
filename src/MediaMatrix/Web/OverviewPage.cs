using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;

namespace MediaMatrix.Web;

/// <summary>
/// The minimal matrix page: every account with its verdict and reasons. Everything that came from
/// config or a scraped page is HTML-encoded; there is no inline script (the CSP forbids it).
/// </summary>
internal static class OverviewPage
{
    // Encodes markup characters but leaves Chinese as itself (the default encoder turns every CJK character into an entity).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(MatrixReport report, string matrixName, bool english)
    {
        var h = Html;
        var s = report.Summary;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="{{(english ? "en" : "zh-CN")}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{h.Encode(matrixName)}} · MediaMatrix</title>
            <style>
            body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#1f2933}
            table{border-collapse:collapse;width:100%}th,td{padding:.35rem .6rem;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
            .qualified{color:#1a7f37}.unqualified{color:#c62828;font-weight:600}.unknown{color:#8a6d00}
            .summary span{margin-right:1.2rem} small{color:#616e7c}
            </style></head><body>
            <h1>{{h.Encode(matrixName)}}</h1>
            <p><a href="?lang={{(english ? "zh" : "en")}}">{{(english ? "中文" : "English")}}</a></p>
            <p class="summary"><span>{{T(english, "检查时间", "Evaluated at")}} {{report.EvaluatedAt:yyyy-MM-dd HH:mm zzz}}</span>
            <span>{{T(english, "账号", "Accounts")}} {{s.Checked}}</span><span class="qualified">{{T(english, "合格", "Qualified")}} {{s.Qualified}}</span>
            <span class="unqualified">{{T(english, "不合格", "Unqualified")}} {{s.Unqualified}}</span><span class="unknown">{{T(english, "数据不足", "Unknown")}} {{s.Unknown}}</span>
            <span>{{T(english, "合格率", "Pass rate")}} {{(s.PassRate is { } p ? p.ToString("P1", CultureInfo.InvariantCulture) : "—")}}</span></p>
            <table><thead><tr><th>{{T(english, "账号", "Account")}}</th><th>{{T(english, "部门", "Department")}}</th><th>{{T(english, "平台", "Platform")}}</th>
            <th>{{T(english, "结论", "Verdict")}}</th><th>{{T(english, "得分", "Score")}}</th><th>{{T(english, "近7/14/30天", "7/14/30 days")}}</th>
            <th>{{T(english, "最近更新", "Last post")}}</th><th>{{T(english, "原因", "Reasons")}}</th></tr></thead><tbody>
            """);
        foreach (var (account, e) in report.Accounts)
        {
            var verdict = e.Verdict.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr data-account="{h.Encode(account.Id)}"><td>{h.Encode(account.Name)}<br><small>{h.Encode(account.Id)}</small></td>
                <td>{h.Encode(account.Department)}</td><td>{account.Platform.ToString().ToLowerInvariant()}</td>
                <td class="{verdict}">{VerdictName(e.Verdict, english)}</td><td>{(e.Score is { } sc ? sc.ToString("0", CultureInfo.InvariantCulture) : "—")}</td>
                <td>{e.PostsLast7d} / {e.PostsLast14d} / {e.PostsLast30d}</td>
                <td>{(e.LastPostAt is { } l ? l.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—")}</td>
                <td>{string.Join("<br>", e.Reasons.Select(r => h.Encode(english ? r.En : r.Zh)))}</td></tr>
                """);
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    private static string T(bool english, string zh, string en) => english ? en : zh;

    private static string VerdictName(Verdict verdict, bool english) => verdict switch
    {
        Verdict.Qualified => T(english, "合格", "Qualified"),
        Verdict.Unqualified => T(english, "不合格", "Unqualified"),
        _ => T(english, "数据不足", "Unknown"),
    };
}
