using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Web;

/// <summary>
/// The matrix overview: counts per verdict and grade, every account grouped by department (or platform) with verdict,
/// grade, score and its direction, last post and open alerts, filters and sort in the query string, and the heatmap.
/// </summary>
internal static class OverviewPage
{
    public sealed record Filter(string? Department, string? Platform, string? Verdict, string? Grade, string Sort, string Group)
    {
        public static Filter Of(IQueryCollection q) => new(
            Blank(q["department"]), Blank(q["platform"]), Blank(q["verdict"]), Blank(q["grade"]),
            q["sort"].ToString() is "score" or "name" or "last-post" ? q["sort"].ToString() : "score",
            q["group"].ToString() == "platform" ? "platform" : "department");

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

        public bool Matches(Account a, Evaluation e) =>
            (Department is null || a.Department == Department)
            && (Platform is null || string.Equals(a.Platform.ToString(), Platform, StringComparison.OrdinalIgnoreCase))
            && (Verdict is null || string.Equals(e.Verdict.ToString(), Verdict, StringComparison.OrdinalIgnoreCase))
            && (Grade is null || string.Equals(e.Grade?.ToString(), Grade, StringComparison.OrdinalIgnoreCase));
    }

    public static string Render(MatrixReport report, string matrixName, Filter filter, IReadOnlyDictionary<string, IReadOnlyList<Post>> posts,
        IReadOnlyDictionary<string, int> openAlerts, DateTimeOffset now, Lang lang)
    {
        var s = report.Summary;
        var html = new StringBuilder(64 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{Html.E(matrixName)}</h1>
            <p class="summary"><span>{lang.T("检查时间", "Evaluated at")} {lang.Time(report.EvaluatedAt)}</span>
            <span>{lang.T("账号", "Accounts")} {s.Checked}</span><span class="qualified">{lang.T("合格", "Qualified")} {s.Qualified}</span>
            <span class="unqualified">{lang.T("不合格", "Unqualified")} {s.Unqualified}</span><span class="unknown">{lang.T("数据不足", "Unknown")} {s.Unknown}</span>
            <span>{lang.T("合格率", "Pass rate")} {(s.PassRate is { } p ? p.ToString("P1", CultureInfo.InvariantCulture) : "—")}</span></p>
            <p class="summary grades"><span class="grade-A">A {s.Grades.A}</span><span>B {s.Grades.B}</span><span>C {s.Grades.C}</span><span class="grade-D">D {s.Grades.D}</span>
            <span>{lang.T("弱运营", "Weak")} {s.Weak}</span><span>{lang.T("僵尸", "Zombie")} {s.Zombie}</span><span>{lang.T("休眠", "Dormant")} {s.Dormant}</span><span>{lang.T("预警", "Warned")} {s.Warned}</span></p>
            """);
        AppendFilters(html, report, filter, lang);

        var rows = report.Accounts.Where(r => filter.Matches(r.Account, r.Evaluation));
        rows = filter.Sort switch
        {
            "name" => rows.OrderBy(r => r.Account.Name, StringComparer.Ordinal),
            "last-post" => rows.OrderBy(r => r.Evaluation.LastPostAt ?? DateTimeOffset.MinValue),
            _ => rows.OrderBy(r => r.Evaluation.Score ?? -1),
        };
        var groups = rows.GroupBy(r => filter.Group == "platform" ? r.Account.Platform.ToString().ToLowerInvariant() : r.Account.Department)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

        html.Append($"""
            <table class="accounts"><thead><tr><th>{lang.T("账号", "Account")}</th><th>{lang.T("平台", "Platform")}</th><th>{lang.T("结论", "Verdict")}</th>
            <th>{lang.T("等级", "Grade")}</th><th>{lang.T("得分", "Score")}</th><th>{lang.T("最近更新", "Last post")}</th><th>{lang.T("近7/30天", "7/30 days")}</th>
            <th>{lang.T("未处理告警", "Open alerts")}</th><th>{lang.T("处置建议", "Disposition")}</th></tr></thead><tbody>
            """);
        foreach (var group in groups)
        {
            html.Append($"""<tr class="group"><th colspan="9">{Html.E(group.Key)}</th></tr>""");
            foreach (var (account, e) in group)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr data-account="{Html.E(account.Id)}"><td><a href="{Html.Local("/accounts", account.Id)}">{Html.E(account.Name)}</a>{(account.Tier == Tier.Head ? " ★" : "")}<br><small>{Html.E(account.Id)}</small></td>
                    <td>{account.Platform.ToString().ToLowerInvariant()}</td><td class="{e.Verdict.ToString().ToLowerInvariant()}">{lang.Verdict(e.Verdict)}</td>
                    <td class="grade-{e.Grade}">{e.Grade?.ToString() ?? "—"}</td><td>{Html.Num(e.Score)} {Trend(e)}</td><td>{lang.Time(e.LastPostAt)}</td>
                    <td>{e.PostsLast7d} / {e.PostsLast30d}</td><td>{openAlerts.GetValueOrDefault(account.Id)}</td><td>{lang.Disposition(e.Disposition?.Kind)}</td></tr>
                    """);
            }
        }

        html.Append("</tbody></table>");
        html.Append($"<h2>{lang.T("发布日历（近90天）", "Posting calendar (last 90 days)")}</h2>");
        Charts.Heatmap(html, [.. groups.SelectMany(g => g.Select(r => r.Account))], posts, now, 90, lang);
        return html.ToString();
    }

    // The published score is smoothed; this instant's raw score says which way it is heading.
    private static string Trend(Evaluation e) => (e.RawScore, e.Score) switch
    {
        ({ } raw, { } published) when raw > published + 1 => "<span title=\"up\">↑</span>",
        ({ } raw, { } published) when raw < published - 1 => "<span title=\"down\">↓</span>",
        _ => "",
    };

    private static void AppendFilters(StringBuilder html, MatrixReport report, Filter filter, Lang lang)
    {
        static string Options(IEnumerable<string> values, string? selected) =>
            string.Concat(values.Select(v => $"<option value=\"{Html.E(v)}\"{(v == selected ? " selected" : "")}>{Html.E(v)}</option>"));

        var departments = report.Accounts.Select(r => r.Account.Department).Distinct().Order(StringComparer.Ordinal);
        var platforms = report.Accounts.Select(r => r.Account.Platform.ToString().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
        html.Append($"""
            <form class="filters" method="get" action="/">
            <select name="department"><option value="">{lang.T("全部部门", "All departments")}</option>{Options(departments, filter.Department)}</select>
            <select name="platform"><option value="">{lang.T("全部平台", "All platforms")}</option>{Options(platforms, filter.Platform?.ToLowerInvariant())}</select>
            <select name="verdict"><option value="">{lang.T("全部结论", "All verdicts")}</option>{Options(["qualified", "unqualified", "unknown"], filter.Verdict?.ToLowerInvariant())}</select>
            <select name="grade"><option value="">{lang.T("全部等级", "All grades")}</option>{Options(["A", "B", "C", "D"], filter.Grade?.ToUpperInvariant())}</select>
            <select name="sort">{Options(["score", "name", "last-post"], filter.Sort)}</select>
            <select name="group">{Options(["department", "platform"], filter.Group)}</select>
            <button type="submit">{lang.T("筛选", "Filter")}</button></form>
            """);
    }
}
