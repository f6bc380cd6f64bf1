using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// The periodic bulletin (通报) a county office circulates: what was checked at <see cref="EvaluatedAt"/> (the period's end,
/// or now while the period runs), the unqualified accounts with their reasons, the weak / zombie / dormant lists with
/// dispositions, cluster-task completion per department, the change since the previous period and the year's figures.
/// Every text in it is plain (renderers encode it for their format); config and scraped strings arrive untouched.
/// </summary>
public sealed record Bulletin(
    BulletinPeriod Period,
    string MatrixName,
    DateTimeOffset EvaluatedAt,
    BulletinFigures Figures,
    IReadOnlyList<BulletinAccount> Accounts,
    IReadOnlyList<DepartmentTasks> TaskCompletion,
    IReadOnlyList<TaskStanding> Tasks,
    PeriodChange Change,
    YearFigures Year)
{
    /// <summary>不合格账号: the accounts judged unqualified, with their reasons.</summary>
    public IReadOnlyList<BulletinAccount> Unqualified => [.. Accounts.Where(a => a.Verdict == Verdict.Unqualified)];

    /// <summary>数据不足: accounts that could not be read, so were not judged (not counted in the pass rate).</summary>
    public IReadOnlyList<BulletinAccount> Unknown => [.. Accounts.Where(a => a.Verdict == Verdict.Unknown)];

    /// <summary>弱运营账号.</summary>
    public IReadOnlyList<BulletinAccount> Weak => [.. Accounts.Where(a => a.Weak)];

    /// <summary>僵尸 and 休眠 accounts: the candidates for closure.</summary>
    public IReadOnlyList<BulletinAccount> ZombieOrDormant => [.. Accounts.Where(a => a.Zombie || a.Dormant)];

    /// <summary>内容问题: the content findings not dismissed, found up to the evaluation instant (confirmed ones and those
    /// still waiting for a decision, which the bulletin says).</summary>
    public IReadOnlyList<Content.ContentFinding> ContentFindings { get; init; } = [];

    /// <summary>The matrix's zone: every time in every format is its wall clock, and the summary names it once. Null (a
    /// bulletin built by hand): the offset <see cref="EvaluatedAt"/> carries.</summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>The rule pack that judged the period (named in the summary and at the head of the document).</summary>
    public RulePackId Pack { get; init; } = RulePackId.National;

    /// <summary>清理处置: the cleanup cases opened or closed in the period, or overdue at the evaluation instant, each as it
    /// stood then (steps recorded later are not done yet), oldest opened first.</summary>
    public IReadOnlyList<Cleanup.CleanupCase> Cases { get; init; } = [];
}

/// <summary>
/// The headline counts, the same as <c>check</c>'s summary: 合格率 = qualified ÷ (qualified + unqualified), null when nothing was judged.
/// </summary>
public sealed record BulletinFigures(int Checked, int Qualified, int Unqualified, int Unknown, double? PassRate, int Weak, int Zombie, int Dormant);

/// <summary>One account as the bulletin lists it. <see cref="Reasons"/> and <see cref="DispositionReasons"/> are the Chinese wording.</summary>
public sealed record BulletinAccount(
    string Id,
    string Name,
    string Department,
    string Platform,
    bool Head,
    Verdict Verdict,
    double? Score,
    Grade? Grade,
    DateTimeOffset? LastPostAt,
    bool Weak,
    bool Zombie,
    bool Dormant,
    IReadOnlyList<string> Reasons,
    DispositionKind? Disposition,
    DateTimeOffset? DispositionDeadline,
    string? MergeInto,
    IReadOnlyList<string> DispositionReasons)
{
    /// <summary>检查时更新日期: the newest dated post at the check (the evaluation's evidence), and how precisely its date was stated.</summary>
    public DateTimeOffset? UpdatedAtCheck { get; init; }

    public DatePrecision UpdatedAtCheckPrecision { get; init; }

    /// <summary>The reasons' stable codes, in the order of <see cref="Reasons"/> (a veto's code starts "veto").</summary>
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    /// <summary>The pack's dormancy tier at the check (active, warning, dormant, zombie).</summary>
    public Dormancy Dormancy { get; init; }
}

/// <summary>
/// One department's cluster tasks whose deadline fell in the period (up to the evaluation instant): cells owed, done, done
/// by the deadline. <see cref="Rate"/> is completed ÷ assigned, null when nothing was assigned.
/// </summary>
public sealed record DepartmentTasks(string Department, int Assigned, int Completed, int OnTime)
{
    public double? Rate => Assigned == 0 ? null : Math.Round((double)Completed / Assigned, 4);
}

/// <summary>One cluster task of the period and who still owes it (account name · unit).</summary>
public sealed record TaskStanding(
    string Id, string Title, string? Link, DateTimeOffset Issued, DateTimeOffset Deadline, int Assigned, int Completed, int OnTime, IReadOnlyList<string> Missing);

/// <summary>
/// The previous period's counts, from the evaluations the store kept (each account's last one in that period).
/// Null when the store has none from then: the bulletin says "n/a" rather than invent a baseline.
/// </summary>
public sealed record PeriodFigures(int Evaluated, int Qualified, int Unqualified, int Unknown, double? PassRate, int Weak);

/// <summary>This period against the previous one; the deltas are null when <see cref="PreviousFigures"/> is.</summary>
public sealed record PeriodChange(BulletinPeriod Previous, PeriodFigures? PreviousFigures, BulletinFigures Current)
{
    public int? QualifiedDelta => PreviousFigures is { } p ? Current.Qualified - p.Qualified : null;

    public int? UnqualifiedDelta => PreviousFigures is { } p ? Current.Unqualified - p.Unqualified : null;

    public int? WeakDelta => PreviousFigures is { } p ? Current.Weak - p.Weak : null;

    /// <summary>In percentage points, e.g. 0.85 → 0.9 is +5.</summary>
    public double? PassRatePointsDelta =>
        PreviousFigures?.PassRate is { } before && Current.PassRate is { } now ? Math.Round((now - before) * 100, 2) : null;
}

/// <summary>
/// What a 政府信息公开工作年度报告 asks of the new-media matrix for the period's year, up to the evaluation instant: how many accounts
/// it has, how many posts they published (as stored: what the sources still listed when polled) and how many are proposed
/// for cleanup (close or merge).
/// </summary>
public sealed record YearFigures(int Year, int Accounts, int PostsPublished, int ProposedForClosure, int ProposedForMerger)
{
    public int ProposedForCleanup => ProposedForClosure + ProposedForMerger;
}
