using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Operators' manual findings and their audit trail: permanent, like decisions (docs/redis-keys.md). A finding is never
/// deleted; clearing it records who, when and why, and the trail keeps every change.
/// </summary>
public interface IFindingStore
{
    /// <summary>Adds the finding and its <see cref="FindingAction.Recorded"/> entry. False when a finding with its id exists.</summary>
    Task<bool> RecordFindingAsync(ManualFinding finding, CancellationToken cancellationToken);

    /// <summary>Marks an active finding cleared and appends the entry; the result says what happened.</summary>
    Task<FindingClearance> ClearFindingAsync(string findingId, DateTimeOffset at, string by, string note, CancellationToken cancellationToken);

    /// <summary>Every finding, active or cleared, newest first (one read per evaluation round).</summary>
    Task<IReadOnlyList<ManualFinding>> GetFindingsAsync(CancellationToken cancellationToken);

    Task<ManualFinding?> GetFindingAsync(string findingId, CancellationToken cancellationToken);

    /// <summary>The finding's changes in order.</summary>
    Task<IReadOnlyList<FindingAuditEntry>> GetFindingAuditAsync(string findingId, CancellationToken cancellationToken);
}

public enum FindingAction { Recorded, Cleared, Proposed, Confirmed, Dismissed }

/// <summary>One line of a finding's append-only trail.</summary>
public sealed record FindingAuditEntry(string FindingId, FindingAction Action, DateTimeOffset At, string By, string Text);

public enum FindingClearanceOutcome { Cleared, NotFound, AlreadyCleared }

public sealed record FindingClearance(FindingClearanceOutcome Outcome, ManualFinding? Finding);
