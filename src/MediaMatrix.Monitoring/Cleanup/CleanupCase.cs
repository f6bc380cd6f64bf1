using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Cleanup;

/// <summary>The steps a confirmed disposition is carried out in (domain.md, "Disposition": rectify → re-check;
/// merge → merged; close → stop-updating notice → closed → closure filed). Serialised in kebab case.</summary>
public enum CaseStepKind { Recheck, Merged, Notice, AccountClosed, Filed }

/// <summary>Where a step stands at an instant: recorded done; not done and still within its due date; not done past
/// it; or (a re-check only) judged at or after the deadline and not qualified.</summary>
public enum CaseStepState { Done, Pending, Overdue, Failed }

/// <summary>
/// One step of a case: due by <see cref="DueAt"/>, done when <see cref="DoneAt"/> is set (with who recorded it, null for
/// the system: a detected notice, a passed re-check), with what it rests on: a link (the notice), a reference (the
/// filing number, the merge target), a note. A re-check that found the account not qualified sets
/// <see cref="FailedAt"/>; a later qualified re-check still completes it.
/// </summary>
public sealed record CaseStep(CaseStepKind Kind, DateTimeOffset DueAt)
{
    public DateTimeOffset? DoneAt { get; init; }

    public string? DoneBy { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public string? Link { get; init; }

    public string? Reference { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    [JsonIgnore]
    public bool IsDone => DoneAt is not null;
}

/// <summary>
/// A confirmed disposition as a tracked case (issue 14, "Cleanup workflow"): opened by an operator's confirm or override
/// to rectify, merge or close, with its steps and their due dates. Closed (<see cref="ClosedAt"/>) when its last step is
/// done; superseded when a later decision on the account chose another disposition. Id: <c>case-&lt;account&gt;-&lt;unix ms&gt;</c>
/// of the decision that opened it.
/// </summary>
public sealed record CleanupCase(
    string Id,
    string AccountId,
    DispositionKind Disposition,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    IReadOnlyList<CaseStep> Steps)
{
    /// <summary>Merge cases: the account it is merged into (the proposal's, or the one chosen when the step is recorded).</summary>
    public string? MergeInto { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    [JsonIgnore]
    public bool IsOpen => ClosedAt is null && SupersededAt is null;

    public CaseStep? Step(CaseStepKind kind) => Steps.FirstOrDefault(s => s.Kind == kind);

    public static string IdOf(string accountId, DateTimeOffset openedAt) => $"case-{accountId}-{openedAt.ToUnixTimeMilliseconds()}";
}

public enum CaseAction { Opened, StepDone, StepFailed, Closed, Superseded }

/// <summary>One line of a case's append-only trail: what happened, when, by whom (null for the system) and in words.</summary>
public sealed record CaseAuditEntry(string CaseId, CaseAction Action, DateTimeOffset At, string? By, string Text)
{
    public CaseStepKind? Step { get; init; }
}
