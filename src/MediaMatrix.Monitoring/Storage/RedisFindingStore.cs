using System.Text.Json;
using MediaMatrix.Monitoring.Assessment;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Findings in one permanent hash and a trail list per finding, each change and its entry in one MULTI guarded by
/// the value it replaces, so two operators clearing at once give one clearance.</summary>
public sealed class RedisFindingStore(IConnectionMultiplexer redis, StoreOptions options) : IFindingStore
{
    private readonly RedisKeys keys = new(options.KeyPrefix);

    public async Task<bool> RecordFindingAsync(ManualFinding finding, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(keys.Findings, finding.Id));
        _ = transaction.HashSetAsync(keys.Findings, finding.Id, Json(finding));
        _ = transaction.ListRightPushAsync(keys.FindingAudit(finding.Id), Json(FindingTrail.Recorded(finding)));
        return await transaction.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public async Task<FindingClearance> ClearFindingAsync(string findingId, DateTimeOffset at, string by, string note, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        var current = await db.HashGetAsync(keys.Findings, findingId).WaitAsync(cancellationToken);
        if (current.IsNull)
            return new FindingClearance(FindingClearanceOutcome.NotFound, null);

        var finding = ReadFinding(current);
        if (finding.ClearedAt is not null)
            return new FindingClearance(FindingClearanceOutcome.AlreadyCleared, finding);

        var cleared = FindingTrail.Clear(finding, at, by, note);
        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(keys.Findings, findingId, current));
        _ = transaction.HashSetAsync(keys.Findings, findingId, Json(cleared));
        _ = transaction.ListRightPushAsync(keys.FindingAudit(findingId), Json(FindingTrail.Cleared(cleared)));
        if (await transaction.ExecuteAsync().WaitAsync(cancellationToken))
            return new FindingClearance(FindingClearanceOutcome.Cleared, cleared);

        // Someone else changed it between the read and the write: only a clearance can have, so it is cleared now.
        var now = await db.HashGetAsync(keys.Findings, findingId).WaitAsync(cancellationToken);
        return new FindingClearance(FindingClearanceOutcome.AlreadyCleared, now.IsNull ? null : ReadFinding(now));
    }

    public async Task<IReadOnlyList<ManualFinding>> GetFindingsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = await redis.GetDatabase().HashValuesAsync(keys.Findings).WaitAsync(cancellationToken);
        return FindingTrail.NewestFirst(values.Select(ReadFinding));
    }

    public async Task<ManualFinding?> GetFindingAsync(string findingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().HashGetAsync(keys.Findings, findingId).WaitAsync(cancellationToken);
        return value.IsNull ? null : ReadFinding(value);
    }

    public async Task<IReadOnlyList<FindingAuditEntry>> GetFindingAuditAsync(string findingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await redis.GetDatabase().ListRangeAsync(keys.FindingAudit(findingId)).WaitAsync(cancellationToken);
        return [.. entries.Select(e => JsonSerializer.Deserialize((string)e!, FindingStorageJsonContext.Compact.FindingAuditEntry)!)];
    }

    private static string Json(ManualFinding finding) => JsonSerializer.Serialize(finding, FindingStorageJsonContext.Compact.ManualFinding);

    private static string Json(FindingAuditEntry entry) => JsonSerializer.Serialize(entry, FindingStorageJsonContext.Compact.FindingAuditEntry);

    private static ManualFinding ReadFinding(RedisValue json) => JsonSerializer.Deserialize((string)json!, FindingStorageJsonContext.Compact.ManualFinding)!;
}
