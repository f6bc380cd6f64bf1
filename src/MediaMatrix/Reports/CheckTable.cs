using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;

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
        text.AppendLine("id                    verdict        score  7d  14d  30d  last post         reason");
        foreach (var (account, e) in report.Accounts)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{account.Id,-21} {Name(e.Verdict),-14} {(e.Score is { } sc ? sc.ToString("0", CultureInfo.InvariantCulture) : "-"),5} {e.PostsLast7d,3} {e.PostsLast14d,4} {e.PostsLast30d,4}  {(e.LastPostAt is { } l ? l.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-"),-16}  {(e.Reasons.Count > 0 ? e.Reasons[0].Zh : string.Empty)}");
        }

        return text.ToString();
    }

    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Qualified => "合格 qualified",
        Verdict.Unqualified => "不合格 unqualified",
        _ => "数据不足 unknown",
    };
}
