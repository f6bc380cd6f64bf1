using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Reports;

/// <summary>The <c>check</c> report as a plain table for a terminal, Chinese verdict names first.</summary>
internal static class CheckTable
{
    public static string Render(MatrixReport report)
    {
        var text = new StringBuilder();
        var s = report.Summary;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"检查时间 evaluated at {report.EvaluatedAt:yyyy-MM-dd HH:mm zzz}: {s.Checked} checked, {s.Qualified} qualified, {s.Unqualified} unqualified, {s.Unknown} unknown, pass rate {(s.PassRate is { } p ? p.ToString("P1", CultureInfo.InvariantCulture) : "n/a")}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"grades A {s.Grades.A} · B {s.Grades.B} · C {s.Grades.C} · D {s.Grades.D}; weak {s.Weak}, zombie {s.Zombie}, dormant {s.Dormant}, early warnings {s.Warned}");
        text.AppendLine(CultureInfo.InvariantCulture, $"检查规则 rule pack: {report.Pack.Title} ({report.Pack.Label})");
        text.AppendLine("id                    verdict        score grade  7d  14d  30d  last post         disposition  reason");
        foreach (var (account, e) in report.Accounts)
        {
            var reason = e.Reasons.Count > 0 ? e.Reasons[0].Zh : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{account.Id,-21} {Name(e.Verdict),-14} {(e.Score is { } sc ? sc.ToString("0", CultureInfo.InvariantCulture) : "-"),5} {(e.Grade?.ToString() ?? "-") + (e.Weak ? " 弱" : string.Empty),-5} {e.PostsLast7d,3} {e.PostsLast14d,4} {e.PostsLast30d,4}  {(e.LastPostAt is { } l ? l.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-"),-16}  {Name(e.Disposition),-11}  {reason}");
        }

        var findings = report.ContentFindings.Where(f => f.Status != FindingStatus.Dismissed && f.FoundAt <= report.EvaluatedAt).ToList();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"内容问题 content findings: {findings.Count} ({findings.Count(f => f.Status == FindingStatus.Proposed)} awaiting a decision, {findings.Count(f => f.Status == FindingStatus.Confirmed)} confirmed)");
        foreach (var f in findings)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {f.AccountId,-21} {Status(f),-6} {FindingKinds.Zh(f.Kind)} {f.Rule}: 《{OneLine(f.PostTitle)}》…{OneLine(f.Before)}【{OneLine(f.Match)}】{OneLine(f.After)}");
        }

        return text.ToString();
    }

    private static string Status(ContentFinding f) => f.Status == FindingStatus.Confirmed ? "已确认" : "待确认";

    // A scraped line break must not start a line that reads like the report's own.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Qualified => "合格 qualified",
        Verdict.Unqualified => "不合格 unqualified",
        _ => "数据不足 unknown",
    };

    public static string Name(Disposition? disposition) => disposition?.Kind switch
    {
        DispositionKind.Retain => "保留 retain",
        DispositionKind.Rectify => "整改 rectify",
        DispositionKind.Merge => "归集 merge",
        DispositionKind.Close => "关停 close",
        _ => "-",
    };
}
