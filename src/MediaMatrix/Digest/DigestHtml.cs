using System.Globalization;
using System.Net;
using System.Text;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Digest;

/// <summary>
/// The digest's HTML part: tables and inline styles only (mail clients drop style sheets and scripts), the heatmap and
/// score bars drawn as table cells. Every piece of text from config or the sources is HTML-encoded, and the one link
/// is the configured UI address, only when it is http(s) (reliability X4).
/// </summary>
internal static class DigestHtml
{
    private const string Cell = "padding:4px 8px;border:1px solid #ddd;font-size:13px;";
    private const string Head = "padding:4px 8px;border:1px solid #ddd;font-size:13px;background:#f3f5f8;text-align:left;";

    public static string Render(DigestContent c)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(DigestWording.Subject(c))).Append("</title></head>");
        html.Append("<body style=\"margin:0;padding:16px;background:#ffffff;font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;\">");
        html.Append("<h1 style=\"font-size:20px;margin:0 0 4px;\">").Append(E(c.MatrixName)).Append(" 新媒体矩阵周报 ").Append(E(c.WeekKey)).Append("</h1>");
        html.Append("<p style=\"margin:0 0 12px;color:#666;font-size:13px;\">")
            .Append(c.Recipient.Edition == DigestEdition.Office ? "全矩阵版" : "部门版：" + E(c.Recipient.Scope))
            .Append(" · 监测时间点 ").Append(E(DigestWording.Local(c.EvaluatedAt, c.Zone)))
            .Append(" · ").Append(E(ZoneClock.NoteZh(c.Zone, c.EvaluatedAt))).Append("</p>");

        html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin-bottom:16px;\"><tr>")
            .Append("<td style=\"padding:8px 16px;background:#eef6ee;font-size:28px;font-weight:bold;\">").Append(DigestWording.Percent(c.PassRate)).Append("</td>")
            .Append("<td style=\"padding:8px 16px;font-size:14px;\">合格率 · ").Append(E(DigestWording.Change(c.PassRateChange))).Append("<br>")
            .Append(c.Lines.Count).Append(" 个账号，新增不合格 ").Append(c.NewlyUnqualified.Count()).Append(" 个，新增弱运营 ").Append(c.NewlyWeak.Count()).Append(" 个</td></tr></table>");

        Heatmap(html, c);
        Section(html, "新增不合格账号", c.NewlyUnqualified, withReasons: true);
        Section(html, "新增弱运营账号", c.NewlyWeak, withReasons: true);
        Section(html, "待处置的僵尸账号", c.ZombiesAwaitingDecision, withReasons: false, disposition: true);
        Tasks(html, c);
        Findings(html, c);
        Section(html, "采集异常", c.CollectionProblems, withReasons: true);
        Scores(html, c);

        if (c.Link is { } link)
            html.Append("<p style=\"margin-top:16px;\"><a href=\"").Append(E(link.AbsoluteUri)).Append("\" style=\"color:#1a5fb4;\">在监测平台中查看详情</a></p>");
        html.Append("<p style=\"color:#999;font-size:12px;\">检查规则：").Append(E(c.Pack.Title)).Append('（').Append(E(c.Pack.Label)).Append("）<br>本邮件由 MediaMatrix 自动发送，每周一次。</p></body></html>");
        return html.ToString();
    }

    /// <summary>内容问题: each finding with its excerpt, the match in bold; all of it scraped text, so all of it encoded.</summary>
    private static void Findings(StringBuilder html, DigestContent c)
    {
        html.Append("<h2 style=\"font-size:16px;\">内容问题（").Append(c.Findings.Count).Append("）</h2>");
        if (c.Findings.Count == 0)
        {
            html.Append("<p style=\"color:#666;font-size:13px;\">无</p>");
            return;
        }

        var labels = AccountLabel.All(c.Lines.Select(l => l.Account));
        html.Append("<table style=\"border-collapse:collapse;\"><tr>");
        foreach (var header in new[] { "账号", "文章", "问题", "原文摘录", "状态" })
            html.Append("<th style=\"").Append(Head).Append("\">").Append(header).Append("</th>");
        html.Append("</tr>");
        foreach (var f in c.Findings)
        {
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(AccountLabel.Of(labels, f.AccountId)))
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(f.PostTitle)).Append("<br><span style=\"color:#666;\">")
                .Append(E(f.PublishedAt is { } at ? DigestWording.Local(at, c.Zone) : "")).Append("</span>")
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(DigestWording.Problem(f)))
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(f.Before)).Append("<b style=\"background:#fde2e2;\">")
                .Append(E(f.Match)).Append("</b>").Append(E(f.After))
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(DigestWording.Status(f))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    /// <summary>Departments × outcome, each cell shaded by its share of the department's accounts.</summary>
    private static void Heatmap(StringBuilder html, DigestContent c)
    {
        string[] columns = ["A", "B", "C", "D", "不合格", "数据不足"];
        html.Append("<h2 style=\"font-size:16px;\">部门分布热力图</h2><table style=\"border-collapse:collapse;\"><tr><th style=\"").Append(Head).Append("\">部门</th>");
        foreach (var column in columns)
            html.Append("<th style=\"").Append(Head).Append("\">").Append(column).Append("</th>");
        html.Append("</tr>");
        foreach (var department in c.Lines.GroupBy(l => l.Account.Department, StringComparer.Ordinal))
        {
            var total = department.Count();
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(department.Key)).Append("</td>");
            foreach (var column in columns)
            {
                var n = department.Count(l => Column(l.Evaluation) == column);
                var alpha = total == 0 ? 0 : (double)n / total;
                var colour = column is "不合格" or "D" ? "200,40,40" : column == "数据不足" ? "120,120,120" : "40,140,70";
                html.Append("<td style=\"").Append(Cell).Append("text-align:center;background:rgba(").Append(colour).Append(',')
                    .Append(alpha.ToString("0.00", CultureInfo.InvariantCulture)).Append(");\">").Append(n).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string Column(Evaluation e) => e.Verdict switch
    {
        Verdict.Unknown => "数据不足",
        Verdict.Unqualified => "不合格",
        _ => e.Grade?.ToString() ?? "数据不足",
    };

    private static void Section(StringBuilder html, string title, IEnumerable<DigestLine> lines, bool withReasons, bool disposition = false)
    {
        var list = lines.ToList();
        html.Append("<h2 style=\"font-size:16px;\">").Append(title).Append('（').Append(list.Count).Append("）</h2>");
        if (list.Count == 0)
        {
            html.Append("<p style=\"color:#666;font-size:13px;\">无</p>");
            return;
        }

        html.Append("<table style=\"border-collapse:collapse;width:100%;\"><tr><th style=\"").Append(Head).Append("\">账号</th><th style=\"").Append(Head)
            .Append("\">部门</th><th style=\"").Append(Head).Append("\">").Append(disposition ? "处置建议" : "原因").Append("</th><th style=\"").Append(Head).Append("\">最近发布</th></tr>");
        foreach (var line in list)
        {
            var detail = disposition
                ? DigestWording.Disposition(line.Evaluation.Disposition)
                : string.Join("；", line.Evaluation.Reasons.Select(r => r.Zh));
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(line.Account.Name)).Append("</td><td style=\"").Append(Cell).Append("\">")
                .Append(E(line.Account.Department)).Append("</td><td style=\"").Append(Cell).Append("\">").Append(withReasons || disposition ? E(detail) : string.Empty)
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(line.LatestTitle ?? "—")).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Tasks(StringBuilder html, DigestContent c)
    {
        var overdue = c.OverdueTasks.ToList();
        html.Append("<h2 style=\"font-size:16px;\">逾期未完成的集群协同任务（").Append(overdue.Count).Append("）</h2>");
        if (overdue.Count == 0)
        {
            html.Append("<p style=\"color:#666;font-size:13px;\">无</p>");
            return;
        }

        html.Append("<table style=\"border-collapse:collapse;\"><tr><th style=\"").Append(Head).Append("\">账号</th><th style=\"").Append(Head)
            .Append("\">分派</th><th style=\"").Append(Head).Append("\">完成</th><th style=\"").Append(Head).Append("\">未完成</th></tr>");
        foreach (var line in overdue)
        {
            var t = line.Evaluation.Tasks!;
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(AccountLabel.Of(line.Account))).Append("</td><td style=\"").Append(Cell).Append("\">").Append(t.Assigned)
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(t.Completed).Append("</td><td style=\"").Append(Cell).Append("\">").Append(line.OpenTasks).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    /// <summary>Every account's score as a bar: a fixed-width cell holding a shaded cell as wide as the score.</summary>
    private static void Scores(StringBuilder html, DigestContent c)
    {
        html.Append("<h2 style=\"font-size:16px;\">账号得分</h2><table style=\"border-collapse:collapse;\">");
        foreach (var line in c.Lines.OrderBy(l => l.Evaluation.Score ?? -1))
        {
            var score = line.Evaluation.Score ?? 0;
            var width = (int)Math.Round(Math.Clamp(score, 0, 100) * 2);
            var colour = line.Evaluation.Verdict == Verdict.Unqualified ? "#c62828" : line.Evaluation.Weak ? "#ef6c00" : "#2e7d32";
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(AccountLabel.Of(line.Account))).Append("</td><td style=\"").Append(Cell).Append("\">")
                .Append(DigestWording.Verdict(line.Evaluation.Verdict)).Append("</td><td style=\"").Append(Cell).Append("width:210px;\">")
                .Append("<table role=\"presentation\" style=\"border-collapse:collapse;\"><tr><td style=\"width:").Append(Math.Max(width, 1)).Append("px;height:10px;background:")
                .Append(line.Evaluation.Score is null ? "#bbb" : colour).Append(";\"></td><td style=\"width:").Append(200 - width).Append("px;background:#eee;\"></td></tr></table>")
                .Append("</td><td style=\"").Append(Cell).Append("text-align:right;\">").Append(DigestWording.Score(line.Evaluation.Score)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
