using System.Text.Json;
using MediaMatrix.Monitoring.Content;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Content findings in one permanent hash of the findings slot: a proposal is HSETNX (a dismissed one stays
/// dismissed), a decision is a MULTI guarded by the value it replaces, together with the veto it records.</summary>
public sealed class RedisContentFindingStore(IConnectionMultiplexer redis, StoreOptions options) : IContentFindingStore
{
    private readonly RedisKeys keys = new(options.KeyPrefix);

    public async Task<IReadOnlyList<ContentFinding>> ProposeAsync(IReadOnlyList<ContentFinding> found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (found.Count == 0)
            return [];

        var db = redis.GetDatabase();
        var batch = db.CreateBatch();
        var adds = found.Select(f => (Finding: f, Added: batch.HashSetAsync(keys.ContentFindings, f.Id, Json(f), When.NotExists))).ToList();
        batch.Execute();
        await Task.WhenAll(adds.Select(a => a.Added)).WaitAsync(cancellationToken);
        var added = adds.Where(a => a.Added.Result).Select(a => a.Finding).ToList();
        if (added.Count > 0)
        {
            var trail = db.CreateBatch();
            var pushes = added.Select(f => trail.ListRightPushAsync(keys.FindingAudit(f.Id), Json(ContentFindingTrail.Proposed(f)))).ToList();
            trail.Execute();
            await Task.WhenAll(pushes).WaitAsync(cancellationToken);
        }

        return added;
    }

    public async Task<IReadOnlyList<ContentFinding>> GetContentFindingsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = await redis.GetDatabase().HashValuesAsync(keys.ContentFindings).WaitAsync(cancellationToken);
        return ContentFindingTrail.NewestFirst(values.Select(Read));
    }

    public async Task<ContentFinding?> GetContentFindingAsync(string findingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().HashGetAsync(keys.ContentFindings, findingId).WaitAsync(cancellationToken);
        return value.IsNull ? null : Read(value);
    }

    public async Task<FindingDecisionResult> DecideAsync(string findingId, FindingDecision decision, DateTimeOffset at, string by, string note, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        var current = await db.HashGetAsync(keys.ContentFindings, findingId).WaitAsync(cancellationToken);
        if (current.IsNull)
            return new FindingDecisionResult(FindingDecisionOutcome.NotFound, null);

        var finding = Read(current);
        if (finding.Status != FindingStatus.Proposed)
            return new FindingDecisionResult(FindingDecisionOutcome.AlreadyDecided, finding);

        var decided = ContentFindingTrail.Decide(finding, decision, at, by, note);
        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(keys.ContentFindings, findingId, current));
        _ = transaction.HashSetAsync(keys.ContentFindings, findingId, Json(decided));
        _ = transaction.ListRightPushAsync(keys.FindingAudit(findingId), Json(ContentFindingTrail.Decided(decided)));
        if (ContentFindingTrail.Vetoes(decided))
        {
            var veto = decided.ToVeto(at, by);
            _ = transaction.HashSetAsync(keys.Findings, veto.Id, JsonSerializer.Serialize(veto, FindingStorageJsonContext.Compact.ManualFinding));
        }

        if (await transaction.ExecuteAsync().WaitAsync(cancellationToken))
            return new FindingDecisionResult(FindingDecisionOutcome.Decided, decided);

        // Another operator decided between the read and the write: a proposal only ever changes by a decision.
        var now = await db.HashGetAsync(keys.ContentFindings, findingId).WaitAsync(cancellationToken);
        return new FindingDecisionResult(FindingDecisionOutcome.AlreadyDecided, now.IsNull ? null : Read(now));
    }

    private static string Json(ContentFinding finding) => JsonSerializer.Serialize(finding, FindingStorageJsonContext.Compact.ContentFinding);

    private static string Json(FindingAuditEntry entry) => JsonSerializer.Serialize(entry, FindingStorageJsonContext.Compact.FindingAuditEntry);

    private static ContentFinding Read(RedisValue json) => JsonSerializer.Deserialize((string)json!, FindingStorageJsonContext.Compact.ContentFinding)!;
}
