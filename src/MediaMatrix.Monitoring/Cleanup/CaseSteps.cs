using System.Globalization;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Decisions;

namespace MediaMatrix.Monitoring.Cleanup;

/// <summary>What one change to a case does: the case as it was (the store writes only if it still is), as it is now,
/// and the trail entries saying so.</summary>
public sealed record CaseChange(CleanupCase? Before, CleanupCase After, IReadOnlyList<CaseAuditEntry> Entries);

/// <summary>What an operator (or the system) records for one step.</summary>
public sealed record StepRecord(CaseStepKind Kind, DateTimeOffset DoneAt, string? By, DateTimeOffset RecordedAt)
{
    public string? Link { get; init; }

    public string? Reference { get; init; }

    public string? Note { get; init; }
}

/// <summary>
/// The case rules, pure (no clock: every instant is a parameter): which steps a decision opens and when each is due,
/// where a step stands at T, what recording a step changes (the case closes with its last step), and what the system
/// finds by itself in an evaluation round: a stop-updating notice as the account's newest post, a re-check's result.
/// </summary>
public static class CaseSteps
{
    /// <summary>What an account posts when it stops: a stop word together with the kind of text that announces it.</summary>
    private static readonly string[] StopWords = ["停止更新", "停更", "不再更新", "停止运营", "注销", "关停"];

    private static readonly string[] NoticeWords = ["公告", "声明", "通知", "告知", "说明"];

    /// <summary>The case a decision opens, or null for retain. Due dates count from the decision; a rectify case's
    /// re-check is due at the proposal's deadline when it named one still ahead.</summary>
    public static CleanupCase? Open(Decision decision, Disposition? proposal, CaseOptions options)
    {
        var at = decision.At;
        CaseStep[]? steps = decision.Decided switch
        {
            DispositionKind.Rectify =>
                [new(CaseStepKind.Recheck, proposal is { Kind: DispositionKind.Rectify, Deadline: { } d } && d > at ? d : at + options.RectifyWithin)],
            DispositionKind.Merge => [new(CaseStepKind.Merged, at + options.MergedWithin)],
            DispositionKind.Close =>
            [
                new(CaseStepKind.Notice, at + options.NoticeWithin),
                new(CaseStepKind.AccountClosed, at + options.ClosedWithin),
                new(CaseStepKind.Filed, at + options.FiledWithin),
            ],
            _ => null,
        };
        if (steps is null)
            return null;

        return new CleanupCase(CleanupCase.IdOf(decision.AccountId, at), decision.AccountId, decision.Decided, at, decision.By, steps)
        {
            MergeInto = decision.Decided == DispositionKind.Merge ? proposal?.MergeInto : null,
        };
    }

    /// <summary>The trail entry of a case being opened.</summary>
    public static CaseAuditEntry Opened(CleanupCase c, Decision decision) =>
        new(c.Id, CaseAction.Opened, c.OpenedAt, c.OpenedBy,
            $"{(decision.Action == DecisionAction.Confirm ? "确认" : "改为")}{DispositionZh(c.Disposition)}：{decision.Reason}");

    /// <summary>A step at T: done once recorded; a failed re-check stays failed until a later one passes; otherwise
    /// overdue from the instant after its due date.</summary>
    public static CaseStepState StateAt(CaseStep step, DateTimeOffset now) =>
        step.IsDone ? CaseStepState.Done
        : step.FailedAt is not null ? CaseStepState.Failed
        : now > step.DueAt ? CaseStepState.Overdue
        : CaseStepState.Pending;

    /// <summary>The steps of an open case not done yet, in order.</summary>
    public static IReadOnlyList<CaseStep> Due(CleanupCase c) => c.IsOpen ? [.. c.Steps.Where(s => !s.IsDone)] : [];

    /// <summary>The steps of an open case overdue or failed at T: what the case-overdue alert names.</summary>
    public static IReadOnlyList<CaseStep> OverdueAt(CleanupCase c, DateTimeOffset now) =>
        [.. Due(c).Where(s => StateAt(s, now) is CaseStepState.Overdue or CaseStepState.Failed)];

    /// <summary>Whether a post announces that the account stops (停更公告): a stop word and a notice word in its title
    /// or text, e.g. "关于本账号停止更新的公告", "停更声明".</summary>
    public static bool IsStopNotice(string? title, string? text)
    {
        var all = (title ?? string.Empty) + "\n" + (text ?? string.Empty);
        return StopWords.Any(w => all.Contains(w, StringComparison.Ordinal)) && NoticeWords.Any(w => all.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Records one step done. The error names the field: the case must be open, the step one of its own and
    /// not done yet, and the date not after the recording.</summary>
    public static (CaseChange? Change, string? Error) Record(CleanupCase c, StepRecord record)
    {
        if (!c.IsOpen)
            return (null, "case: already closed");
        if (c.Step(record.Kind) is not { } step)
            return (null, $"step: a {DispositionZh(c.Disposition)} case has no step {StepName(record.Kind)}");
        if (step.IsDone)
            return (null, $"step: {StepName(record.Kind)} is already done");
        if (record.DoneAt > record.RecordedAt)
            return (null, "at: must not be in the future");

        var done = step with
        {
            DoneAt = record.DoneAt,
            DoneBy = record.By,
            RecordedAt = record.RecordedAt,
            Link = record.Link,
            Reference = record.Reference,
            Note = record.Note,
        };
        var steps = c.Steps.Select(s => s.Kind == record.Kind ? done : s).ToList();
        var after = c with { Steps = steps, MergeInto = record.Kind == CaseStepKind.Merged && record.Reference is { } into ? into : c.MergeInto };
        var entries = new List<CaseAuditEntry>
        {
            new(c.Id, CaseAction.StepDone, record.RecordedAt, record.By, Describe(done)) { Step = record.Kind },
        };
        if (steps.All(s => s.IsDone))
        {
            var closedAt = steps.Max(s => s.DoneAt!.Value);
            after = after with { ClosedAt = closedAt };
            entries.Add(new(c.Id, CaseAction.Closed, record.RecordedAt, record.By, $"全部步骤完成，{Day(closedAt)} 结案"));
        }

        return (new CaseChange(c, after, entries), null);
    }

    /// <summary>The case as it stood at <paramref name="at"/>: what was recorded later is not there yet.</summary>
    public static CleanupCase AsOf(CleanupCase c, DateTimeOffset at) => c with
    {
        Steps = [.. c.Steps.Select(s => s with
        {
            DoneAt = s.RecordedAt <= at ? s.DoneAt : null,
            DoneBy = s.RecordedAt <= at ? s.DoneBy : null,
            RecordedAt = s.RecordedAt <= at ? s.RecordedAt : null,
            FailedAt = s.FailedAt <= at ? s.FailedAt : null,
        })],
        ClosedAt = c.ClosedAt <= at && c.Steps.All(s => s.RecordedAt <= at) ? c.ClosedAt : null,
        SupersededAt = c.SupersededAt <= at ? c.SupersededAt : null,
    };

    /// <summary>A later decision on the account chose another disposition: the case stops, kept as it was.</summary>
    public static CaseChange Supersede(CleanupCase c, Decision decision) =>
        new(c, c with { SupersededAt = decision.At },
            [new(c.Id, CaseAction.Superseded, decision.At, decision.By, $"新的决定改为{DispositionZh(decision.Decided)}，本案终止")]);

    /// <summary>
    /// What an evaluation round at T finds by itself for one open case: the account's newest post is a stop-updating
    /// notice (the notice step done, at the post's time, with its link); or, at or after the re-check's due date, the
    /// account's verdict: qualified completes the re-check, unqualified fails it (once; a later pass still completes it).
    /// An unknown verdict says nothing: the step just runs overdue. Null: nothing changes.
    /// </summary>
    public static CaseChange? Progress(CleanupCase c, Evaluation? evaluation, Post? newest, DateTimeOffset now)
    {
        if (!c.IsOpen)
            return null;

        if (c.Step(CaseStepKind.Notice) is { IsDone: false } && newest is not null && IsStopNotice(newest.Title, newest.Text))
        {
            var at = newest.PublishedAt is { } p && p < now ? p : now;
            return Record(c, new StepRecord(CaseStepKind.Notice, at, null, now)
            {
                Link = newest.Link,
                Note = "检测到停更公告：" + newest.Title,
            }).Change;
        }

        if (c.Step(CaseStepKind.Recheck) is { IsDone: false } recheck && now >= recheck.DueAt && evaluation is not null)
        {
            var score = evaluation.Score is { } s ? s.ToString("0.#", CultureInfo.InvariantCulture) : "—";
            if (evaluation.Verdict == Verdict.Qualified)
                return Record(c, new StepRecord(CaseStepKind.Recheck, now, null, now) { Note = $"复查合格（得分 {score}）" }).Change;
            if (evaluation.Verdict == Verdict.Unqualified && recheck.FailedAt is null)
            {
                var failed = recheck with { FailedAt = now, Note = $"复查仍不合格（得分 {score}）" };
                return new CaseChange(c, c with { Steps = [.. c.Steps.Select(x => x.Kind == CaseStepKind.Recheck ? failed : x)] },
                    [new(c.Id, CaseAction.StepFailed, now, null, failed.Note) { Step = CaseStepKind.Recheck }]);
            }
        }

        return null;
    }

    public static string StepName(CaseStepKind kind) => kind switch
    {
        CaseStepKind.Recheck => "recheck",
        CaseStepKind.Merged => "merged",
        CaseStepKind.Notice => "notice",
        CaseStepKind.AccountClosed => "account-closed",
        _ => "filed",
    };

    public static CaseStepKind? StepOf(string? name) =>
        Enum.GetValues<CaseStepKind>().Cast<CaseStepKind?>().FirstOrDefault(k => StepName(k!.Value) == name);

    public static string StepZh(CaseStepKind kind) => kind switch
    {
        CaseStepKind.Recheck => "整改复查",
        CaseStepKind.Merged => "归集完成",
        CaseStepKind.Notice => "停更公告",
        CaseStepKind.AccountClosed => "账号关停",
        _ => "注销备案",
    };

    public static string StepEn(CaseStepKind kind) => kind switch
    {
        CaseStepKind.Recheck => "Re-check",
        CaseStepKind.Merged => "Merged",
        CaseStepKind.Notice => "Stop-updating notice",
        CaseStepKind.AccountClosed => "Account closed",
        _ => "Closure filed",
    };

    /// <summary>Each step in words at T, as the bulletin lists it: 停更公告 已完成 2026-12-03；账号关停 逾期（应于 2027-01-02 前）.</summary>
    public static string Summary(CleanupCase c, DateTimeOffset now) =>
        string.Join("；", c.Steps.Select(s => StepZh(s.Kind) + " " + (StateAt(s, now) switch
        {
            CaseStepState.Done => $"已完成 {Day(s.DoneAt!.Value.ToOffset(now.Offset))}",
            CaseStepState.Failed => $"复查未通过（应于 {Day(s.DueAt.ToOffset(now.Offset))} 前）",
            CaseStepState.Overdue => $"逾期（应于 {Day(s.DueAt.ToOffset(now.Offset))} 前）",
            _ => $"待办（{Day(s.DueAt.ToOffset(now.Offset))} 前）",
        })));

    private static string Describe(CaseStep step) =>
        $"{StepZh(step.Kind)} 完成于 {Day(step.DoneAt!.Value)}"
        + (step.Reference is { } r ? $"，{(step.Kind == CaseStepKind.Merged ? "归集到" : "备案号")} {r}" : "")
        + (step.Link is { } l ? $"，链接 {l}" : "")
        + (step.Note is { Length: > 0 } n ? $"：{n}" : "");

    private static string DispositionZh(DispositionKind kind) => kind switch
    {
        DispositionKind.Rectify => "限期整改",
        DispositionKind.Merge => "归集整合",
        DispositionKind.Close => "注销关停",
        _ => "保留",
    };

    // Days as the offset the instant carries (the callers pass the matrix's zone's instants or UTC).
    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
