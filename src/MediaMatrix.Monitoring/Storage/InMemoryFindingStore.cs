using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Findings in process, for the embedded store.</summary>
public sealed class InMemoryFindingStore : IFindingStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ManualFinding> findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FindingAuditEntry>> audit = new(StringComparer.Ordinal);

    public Task<bool> RecordFindingAsync(ManualFinding finding, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!findings.TryAdd(finding.Id, finding))
                return Task.FromResult(false);
            audit[finding.Id] = [FindingTrail.Recorded(finding)];
            return Task.FromResult(true);
        }
    }

    public Task<FindingClearance> ClearFindingAsync(string findingId, DateTimeOffset at, string by, string note, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!findings.TryGetValue(findingId, out var finding))
                return Task.FromResult(new FindingClearance(FindingClearanceOutcome.NotFound, null));
            if (finding.ClearedAt is not null)
                return Task.FromResult(new FindingClearance(FindingClearanceOutcome.AlreadyCleared, finding));

            var cleared = FindingTrail.Clear(finding, at, by, note);
            findings[findingId] = cleared;
            audit[findingId].Add(FindingTrail.Cleared(cleared));
            return Task.FromResult(new FindingClearance(FindingClearanceOutcome.Cleared, cleared));
        }
    }

    public Task<IReadOnlyList<ManualFinding>> GetFindingsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(FindingTrail.NewestFirst(findings.Values));
        }
    }

    public Task<ManualFinding?> GetFindingAsync(string findingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(findings.GetValueOrDefault(findingId));
        }
    }

    /// <summary>A content finding's confirmed veto: stored like a recorded finding, its trail entry already written by the decision.</summary>
    internal void Put(ManualFinding veto)
    {
        lock (gate)
        {
            findings[veto.Id] = veto;
        }
    }

    internal void AppendAudit(FindingAuditEntry entry)
    {
        lock (gate)
        {
            if (!audit.TryGetValue(entry.FindingId, out var list))
                audit[entry.FindingId] = list = [];
            list.Add(entry);
        }
    }

    public Task<IReadOnlyList<FindingAuditEntry>> GetFindingAuditAsync(string findingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            IReadOnlyList<FindingAuditEntry> trail = audit.TryGetValue(findingId, out var list) ? [.. list] : [];
            return Task.FromResult(trail);
        }
    }
}

/// <summary>What both stores agree on: the trail's entries, a clearance, the order of a listing.</summary>
internal static class FindingTrail
{
    public static FindingAuditEntry Recorded(ManualFinding finding) =>
        new(finding.Id, FindingAction.Recorded, finding.RecordedAt, finding.RecordedBy, finding.Text);

    public static FindingAuditEntry Cleared(ManualFinding cleared) =>
        new(cleared.Id, FindingAction.Cleared, cleared.ClearedAt!.Value, cleared.ClearedBy ?? "", cleared.ClearNote ?? "");

    public static ManualFinding Clear(ManualFinding finding, DateTimeOffset at, string by, string note) =>
        finding with { ClearedAt = at, ClearedBy = by, ClearNote = note };

    public static IReadOnlyList<ManualFinding> NewestFirst(IEnumerable<ManualFinding> findings) =>
        [.. findings.OrderByDescending(f => f.RecordedAt.ToUnixTimeMilliseconds()).ThenBy(f => f.Id, StringComparer.Ordinal)];
}
