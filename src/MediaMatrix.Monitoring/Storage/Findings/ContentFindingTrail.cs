using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>What both stores agree on for content findings: a decision, its trail entry, the order of a listing.</summary>
internal static class ContentFindingTrail
{
    public static ContentFinding Decide(ContentFinding finding, FindingDecision decision, DateTimeOffset at, string by, string note) =>
        finding with
        {
            Status = decision == FindingDecision.Confirm ? FindingStatus.Confirmed : FindingStatus.Dismissed,
            DecidedAt = at,
            DecidedBy = by,
            DecisionNote = note,
        };

    public static FindingAuditEntry Proposed(ContentFinding finding) =>
        new(finding.Id, FindingAction.Proposed, finding.FoundAt, "", finding.Rule);

    public static FindingAuditEntry Decided(ContentFinding decided) =>
        new(decided.Id, decided.Status == FindingStatus.Confirmed ? FindingAction.Confirmed : FindingAction.Dismissed,
            decided.DecidedAt!.Value, decided.DecidedBy ?? "", decided.DecisionNote ?? "");

    /// <summary>A serious confirmed finding vetoes; a minor one never does.</summary>
    public static bool Vetoes(ContentFinding decided) =>
        decided.Status == FindingStatus.Confirmed && decided.Severity == ContentSeverity.Serious;

    public static IReadOnlyList<ContentFinding> NewestFirst(IEnumerable<ContentFinding> findings) =>
        [.. findings.OrderByDescending(f => f.FoundAt.ToUnixTimeMilliseconds()).ThenBy(f => f.Id, StringComparer.Ordinal)];
}
