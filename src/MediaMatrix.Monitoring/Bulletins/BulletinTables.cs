using System.Globalization;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// The bulletin as tables, in the order an office reads it. All three formats render these, so the HTML, the XLSX sheets
/// and the CSV sections always carry the same rows. Sheet names are the constants below (Excel allows at most 31 characters).
/// </summary>
public static class BulletinTables
{
    public const string Summary = "概况";
    public const string Change = "与上期比较";
    public const string Unqualified = "不合格账号";
    public const string Problems = "问题清单";
    public const string Content = "内容问题";
    public const string Weak = "弱运营账号";
    public const string ZombieOrDormant = "僵尸与休眠账号";
    public const string Cases = "清理处置";
    public const string Departments = "集群任务完成情况";
    public const string Tasks = "集群任务";
    public const string Accounts = "检查明细";
    public const string Year = "年度报告数据";

    /// <summary>The summary row that names the zone every time in the bulletin is written in (once per file).</summary>
    public const string ZoneRow = "时区";

    /// <summary>What a missing figure reads as (no previous period stored, nothing judged).</summary>
    public const string NotAvailable = "n/a";

    public static IReadOnlyList<SheetTable> Of(Bulletin b) =>
    [
        SummaryTable(b),
        ChangeTable(b.Change),
        new(Unqualified, ["账号名称", "部门", "平台", "得分", "等级", "不合格原因", "账号ID"],
            [.. b.Unqualified.Select(a => Row(T(a.Name), T(a.Department), T(a.Platform), Score(a), T(a.Grade?.ToString()), T(Join(a.Reasons)), T(a.Id)))]),
        ProblemTable(b),
        ContentTable(b),
        new(Weak, ["账号名称", "部门", "得分", "等级", "处置建议", "整改期限", "建议归集到", "处置理由", "账号ID"],
            [.. b.Weak.Select(a => Row(T(a.Name), T(a.Department), Score(a), T(a.Grade?.ToString()), T(DispositionName(a.Disposition)),
                T(Date(a.DispositionDeadline, b)), T(a.MergeInto), T(Join(a.DispositionReasons)), T(a.Id)))]),
        new(ZombieOrDormant, ["账号名称", "部门", "类别", "最近更新", "处置建议", "处置理由", "账号ID"],
            [.. b.ZombieOrDormant.Select(a => Row(T(a.Name), T(a.Department), T(a.Zombie ? "僵尸账号（" + DormancyTier.Zh(a.Dormancy) + "）" : "休眠账号"),
                T(Date(a.LastPostAt, b) ?? "未采集到"), T(DispositionName(a.Disposition)), T(Join(a.DispositionReasons)), T(a.Id)))]),
        CaseTable(b),
        new(Departments, ["部门", "分派（账号×任务）", "完成", "按时完成", "完成率"],
            [.. b.TaskCompletion.Select(d => Row(T(d.Department), N(d.Assigned), N(d.Completed), N(d.OnTime), SheetCell.Of(d.Rate, NotAvailable)))]),
        new(Tasks, ["任务编号", "标题", "链接", "下发时间", "截止时间", "分派", "完成", "按时完成", "未完成账号"],
            [.. b.Tasks.Select(t => Row(T(t.Id), T(t.Title), T(t.Link), T(Date(t.Issued, b)), T(Date(t.Deadline, b)),
                N(t.Assigned), N(t.Completed), N(t.OnTime), T(string.Join("、", t.Missing))))]),
        new(Accounts, ["账号名称", "部门", "平台", "主账号", "检查结论", "得分", "等级", "最近更新", "弱运营", "僵尸", "休眠", "处置建议", "原因", "账号ID"],
            [.. b.Accounts.Select(a => Row(T(a.Name), T(a.Department), T(a.Platform), T(a.Head ? "是" : "否"), T(VerdictName(a.Verdict)),
                Score(a), T(a.Grade?.ToString()), T(Date(a.LastPostAt, b)), T(YesNo(a.Weak)), T(YesNo(a.Zombie)), T(YesNo(a.Dormant)),
                T(DispositionName(a.Disposition)), T(Join(a.Reasons)), T(a.Id)))]),
        new(Year, ["项目", "数值"],
        [
            Row(T("年度"), N(b.Year.Year)),
            Row(T("政务新媒体账号数"), N(b.Year.Accounts)),
            Row(T("年内发布信息数（已采集）"), N(b.Year.PostsPublished)),
            Row(T("建议注销关停账号数"), N(b.Year.ProposedForClosure)),
            Row(T("建议归集整合账号数"), N(b.Year.ProposedForMerger)),
            Row(T("建议清理整合账号数合计"), N(b.Year.ProposedForCleanup)),
        ]),
    ];

    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Qualified => "合格",
        Verdict.Unqualified => "不合格",
        _ => "数据不足",
    };

    public static string DispositionName(DispositionKind? kind) => kind switch
    {
        DispositionKind.Retain => "保留",
        DispositionKind.Rectify => "限期整改",
        DispositionKind.Merge => "归集整合",
        DispositionKind.Close => "注销关停",
        _ => string.Empty,
    };

    /// <summary>A pass rate as operators write it: 85.71%.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : NotAvailable;

    private static SheetTable SummaryTable(Bulletin b)
    {
        var f = b.Figures;
        return new SheetTable(Summary, ["项目", "数值"],
        [
            Row(T("通报期"), T(b.Period.Label)),
            Row(T("矩阵"), T(b.MatrixName)),
            Row(T("检查规则"), T($"{b.Pack.Title}（{b.Pack.Label}）")),
            Row(T("监测时间点"), T(Date(b.EvaluatedAt, b))),
            Row(T(ZoneRow), T(ZoneClock.Name(ZoneOf(b), b.EvaluatedAt) + "，本通报中的时间均为该时区时间")),
            Row(T("检查账号数"), N(f.Checked)),
            Row(T("合格"), N(f.Qualified)),
            Row(T("不合格"), N(f.Unqualified)),
            Row(T("数据不足（未评判）"), N(f.Unknown)),
            Row(T("合格率"), SheetCell.Of(f.PassRate, NotAvailable)),
            Row(T("弱运营账号"), N(f.Weak)),
            Row(T("僵尸账号"), N(f.Zombie)),
            Row(T("休眠账号"), N(f.Dormant)),
        ]);
    }

    /// <summary>
    /// 问题清单 as provincial bulletins print it: one row per problem of an account, a single veto (单项否决) or a deduction
    /// (扣分) of a weak account, with the date of the last update at the check and the rectification deadline.
    /// </summary>
    private static SheetTable ProblemTable(Bulletin b)
    {
        var rows = new List<IReadOnlyList<SheetCell>>();
        foreach (var a in b.Accounts)
        {
            for (var i = 0; i < a.Reasons.Count; i++)
            {
                var code = i < a.ReasonCodes.Count ? a.ReasonCodes[i] : string.Empty;
                var veto = code.StartsWith("veto", StringComparison.Ordinal);
                if (veto ? a.Verdict != Verdict.Unqualified : !a.Weak || a.Verdict == Verdict.Unqualified || code.StartsWith("warning", StringComparison.Ordinal))
                    continue;

                rows.Add(Row(T(a.Name), T(a.Platform), T(a.Department), T(veto ? "单项否决" : "扣分"),
                    T(UpdatedAtCheck(a, b)), T(a.Reasons[i]), T(Date(a.DispositionDeadline, b) ?? (veto ? "立即整改" : string.Empty))));
            }
        }

        return new SheetTable(Problems, ["账号名称", "平台", "开设单位", "问题类别", "检查时更新日期", "问题描述", "整改期限"], rows);
    }

    /// <summary>内容问题: what the content checks found, with the excerpt; the leaked numbers are masked already.</summary>
    private static SheetTable ContentTable(Bulletin b)
    {
        var accounts = b.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return new SheetTable(Content, ["账号名称", "开设单位", "文章标题", "发布时间", "问题", "原文摘录", "规范表述", "严重程度", "状态", "链接"],
            [.. b.ContentFindings.Select(f => Row(
                T(accounts.GetValueOrDefault(f.AccountId)?.Name ?? f.AccountId), T(accounts.GetValueOrDefault(f.AccountId)?.Department),
                T(f.PostTitle), T(Date(f.PublishedAt, b)), T(FindingKinds.Zh(f.Kind)), T($"{f.Before}【{f.Match}】{f.After}"), T(f.Correct),
                T(f.Severity == MediaMatrix.Monitoring.Content.ContentSeverity.Serious ? "严重（单项否决）" : "一般（提示）"),
                T(f.Status == MediaMatrix.Monitoring.Content.FindingStatus.Confirmed ? "已确认" : "待确认"), T(f.PostLink)))]);
    }

    /// <summary>清理处置: each case of the period with its steps in words and how it ends: closed, overdue, superseded or running.</summary>
    private static SheetTable CaseTable(Bulletin b)
    {
        var accounts = b.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return new SheetTable(Cases, ["账号名称", "开设单位", "平台", "处置", "立案日期", "步骤进度", "结案/逾期"],
            [.. b.Cases.Select(c =>
            {
                var a = accounts.GetValueOrDefault(c.AccountId);
                var overdue = Cleanup.CaseSteps.OverdueAt(c, b.EvaluatedAt);
                var state = c.ClosedAt is { } closed ? "已结案 " + Date(closed, b)
                    : c.SupersededAt is not null ? "已终止（处置改变）"
                    : overdue.Count > 0 ? "逾期：" + string.Join("、", overdue.Select(s => Cleanup.CaseSteps.StepZh(s.Kind)))
                    : "办理中";
                return Row(T(a?.Name ?? c.AccountId), T(a?.Department), T(a?.Platform), T(DispositionName(c.Disposition) + (c.MergeInto is { } into ? " → " + into : "")),
                    T(Date(c.OpenedAt, b)), T(Cleanup.CaseSteps.Summary(c, b.EvaluatedAt)), T(state));
            })]);
    }

    // 检查时更新日期: a date-only post shows its day alone, never a made-up time.
    private static string UpdatedAtCheck(BulletinAccount a, Bulletin b) =>
        a.UpdatedAtCheck is not { } at ? "未采集到"
        : a.UpdatedAtCheckPrecision == DatePrecision.Day ? ZoneClock.Day(at, ZoneOf(b))
        : Date(at, b)!;

    private static SheetTable ChangeTable(PeriodChange c)
    {
        var p = c.PreviousFigures;
        return new SheetTable(Change, ["指标", "上期（" + c.Previous.Label + "）", "本期", "变化"],
        [
            Row(T("合格"), Maybe(p?.Qualified), N(c.Current.Qualified), Maybe(c.QualifiedDelta)),
            Row(T("不合格"), Maybe(p?.Unqualified), N(c.Current.Unqualified), Maybe(c.UnqualifiedDelta)),
            Row(T("合格率"), SheetCell.Of(p?.PassRate, NotAvailable), SheetCell.Of(c.Current.PassRate, NotAvailable),
                SheetCell.Of(c.PassRatePointsDelta, NotAvailable)),
            Row(T("弱运营账号"), Maybe(p?.Weak), N(c.Current.Weak), Maybe(c.WeakDelta)),
        ]);
    }

    private static SheetCell[] Row(params SheetCell[] cells) => cells;

    private static SheetCell T(string? text) => SheetCell.Of(text);

    private static SheetCell N(int number) => SheetCell.Of(number);

    private static SheetCell Maybe(int? number) => SheetCell.Of(number, NotAvailable);

    private static SheetCell Score(BulletinAccount a) => a.Score is { } s ? SheetCell.Of(Math.Round(s, 1)) : SheetCell.Of(string.Empty);

    private static string Join(IReadOnlyList<string> texts) => string.Join("；", texts);

    private static string YesNo(bool value) => value ? "是" : "否";

    // Times in the matrix's zone (the summary names it), never an offset per cell.
    private static string? Date(DateTimeOffset? at, Bulletin b) => at is { } t ? ZoneClock.Time(t, ZoneOf(b)) : null;

    /// <summary>The bulletin's zone; a bulletin built by hand without one is in the offset its evaluation instant carries.</summary>
    public static TimeZoneInfo ZoneOf(Bulletin b)
    {
        if (b.Zone is { } zone)
            return zone;
        var offset = b.EvaluatedAt.Offset;
        return TimeZoneInfo.CreateCustomTimeZone($"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}", offset, null, null);
    }
}
