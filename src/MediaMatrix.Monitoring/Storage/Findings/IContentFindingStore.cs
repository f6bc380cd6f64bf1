using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Content checks' findings and operators' decisions on them: permanent, in the findings slot beside manual findings, so
/// a confirmation and the veto it becomes are written together (docs/redis-keys.md).
/// </summary>
public interface IContentFindingStore
{
    /// <summary>Adds the findings not stored yet (by id) and returns those; a finding already proposed, confirmed or
    /// dismissed is left as it is, which is how a dismissal is remembered.</summary>
    Task<IReadOnlyList<ContentFinding>> ProposeAsync(IReadOnlyList<ContentFinding> found, CancellationToken cancellationToken);

    /// <summary>Every content finding, newest found first (one read per evaluation round).</summary>
    Task<IReadOnlyList<ContentFinding>> GetContentFindingsAsync(CancellationToken cancellationToken);

    Task<ContentFinding?> GetContentFindingAsync(string findingId, CancellationToken cancellationToken);

    /// <summary>Confirms or dismisses a proposed finding, once. Confirming a serious one records its veto
    /// (<see cref="ContentFinding.ToVeto"/>) in the same write; a minor one is confirmed as a notice only.</summary>
    Task<FindingDecisionResult> DecideAsync(string findingId, FindingDecision decision, DateTimeOffset at, string by, string note, CancellationToken cancellationToken);
}
