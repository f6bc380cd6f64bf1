using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Decisions;

/// <summary>Whether the operator took the proposal as it was or chose another disposition.</summary>
public enum DecisionAction { Confirm, Override }

/// <summary>
/// An operator's decision on a proposed disposition (issue 4): who decided what, when and why. Kept permanently, like an
/// audit entry: a later decision adds to the history, it never replaces an earlier one.
/// </summary>
public sealed record Decision(
    string AccountId,
    DispositionKind Proposed,
    DispositionKind Decided,
    DecisionAction Action,
    string Reason,
    string By,
    DateTimeOffset At)
{
    public static Decision Confirm(string accountId, DispositionKind proposed, string reason, string by, DateTimeOffset at) =>
        new(accountId, proposed, proposed, DecisionAction.Confirm, reason, by, at);

    public static Decision Override(string accountId, DispositionKind proposed, DispositionKind decided, string reason, string by, DateTimeOffset at) =>
        new(accountId, proposed, decided, DecisionAction.Override, reason, by, at);
}
