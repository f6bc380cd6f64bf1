using System.Text;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Digest;

/// <summary>The digest's plain-text part: the same sections as the HTML, for clients that show no HTML.</summary>
internal static class DigestText
{
    public static string Render(DigestContent c)
    {
        var text = new StringBuilder(4096);
        text.AppendLine($"{c.MatrixName} 新媒体矩阵周报 {c.WeekKey}（{(c.Recipient.Edition == DigestEdition.Office ? "全矩阵版" : "部门版：" + c.Recipient.Scope)}）");
        text.AppendLine($"监测时间点：{DigestWording.Local(c.EvaluatedAt, c.Zone)}（{ZoneClock.NoteZh(c.Zone, c.EvaluatedAt)}）");
        text.AppendLine($"合格率：{DigestWording.Percent(c.PassRate)}，{DigestWording.Change(c.PassRateChange)}");
        text.AppendLine();
        Section(text, "新增不合格账号", c.NewlyUnqualified.Select(l => $"{AccountLabel.Of(l.Account)}：{string.Join("；", l.Evaluation.Reasons.Select(r => r.Zh))}；最近发布：{l.LatestTitle ?? "—"}"));
        Section(text, "新增弱运营账号", c.NewlyWeak.Select(l => $"{AccountLabel.Of(l.Account)}：{string.Join("；", l.Evaluation.Reasons.Select(r => r.Zh))}"));
        Section(text, "待处置的僵尸账号", c.ZombiesAwaitingDecision.Select(l => $"{AccountLabel.Of(l.Account)}：{DigestWording.Disposition(l.Evaluation.Disposition)}"));
        Section(text, "逾期未完成的集群协同任务", c.OverdueTasks.Select(l => $"{AccountLabel.Of(l.Account)}：未完成 {l.OpenTasks} 项"));
        var labels = AccountLabel.All(c.Lines.Select(l => l.Account));
        Section(text, "内容问题", c.Findings.Select(f => DigestWording.Finding(f, AccountLabel.Of(labels, f.AccountId), c.Zone)));
        Section(text, "采集异常", c.CollectionProblems.Select(l => $"{AccountLabel.Of(l.Account)}：{string.Join("；", l.Evaluation.Reasons.Select(r => r.Zh))}"));
        Section(text, "账号得分", c.Lines.OrderBy(l => l.Evaluation.Score ?? -1).Select(l => $"{AccountLabel.Of(l.Account)}：{DigestWording.Score(l.Evaluation.Score)}（{DigestWording.Verdict(l.Evaluation.Verdict)}）"));
        if (c.Link is { } link)
            text.AppendLine($"详情：{link.AbsoluteUri}");
        text.AppendLine($"检查规则：{c.Pack.Title}（{c.Pack.Label}）");
        text.AppendLine("本邮件由 MediaMatrix 自动发送，每周一次。");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        text.AppendLine($"【{title}】（{list.Count}）");
        foreach (var line in list)
            text.AppendLine($"- {DigestWording.OneLine(line)}");
        if (list.Count == 0)
            text.AppendLine("无");
        text.AppendLine();
    }
}
