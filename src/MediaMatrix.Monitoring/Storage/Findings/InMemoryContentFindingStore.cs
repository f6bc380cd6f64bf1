using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Content findings in process, for the embedded store; a confirmed serious one records its veto in
/// <paramref name="vetoes"/>, the embedded manual-finding store.</summary>
public sealed class InMemoryContentFindingStore(InMemoryFindingStore vetoes) : IContentFindingStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ContentFinding> findings = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<ContentFinding>> ProposeAsync(IReadOnlyList<ContentFinding> found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var added = new List<ContentFinding>();
        lock (gate)
        {
            foreach (var finding in found)
            {
                if (findings.TryAdd(finding.Id, finding))
                {
                    added.Add(finding);
                    vetoes.AppendAudit(ContentFindingTrail.Proposed(finding));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ContentFinding>>(added);
    }

    public Task<IReadOnlyList<ContentFinding>> GetContentFindingsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(ContentFindingTrail.NewestFirst(findings.Values));
        }
    }

    public Task<ContentFinding?> GetContentFindingAsync(string findingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(findings.GetValueOrDefault(findingId));
        }
    }

    public Task<FindingDecisionResult> DecideAsync(string findingId, FindingDecision decision, DateTimeOffset at, string by, string note, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!findings.TryGetValue(findingId, out var finding))
                return Task.FromResult(new FindingDecisionResult(FindingDecisionOutcome.NotFound, null));
            if (finding.Status != FindingStatus.Proposed)
                return Task.FromResult(new FindingDecisionResult(FindingDecisionOutcome.AlreadyDecided, finding));

            var decided = ContentFindingTrail.Decide(finding, decision, at, by, note);
            findings[findingId] = decided;
            vetoes.AppendAudit(ContentFindingTrail.Decided(decided));
            if (ContentFindingTrail.Vetoes(decided))
                vetoes.Put(decided.ToVeto(at, by));
            return Task.FromResult(new FindingDecisionResult(FindingDecisionOutcome.Decided, decided));
        }
    }
}
