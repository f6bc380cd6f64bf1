using MediaMatrix.Monitoring.Cleanup;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cases in one permanent hash and a trail list per case, both in the <c>{cases}</c> slot: each change and its
/// entries go in one MULTI guarded by the JSON it replaces, so two operators recording the same step give one record.</summary>
public sealed class RedisCaseStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), ICaseStore
{
    public async Task<bool> OpenCaseAsync(CleanupCase opened, IReadOnlyList<CaseAuditEntry> entries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = Database.CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(Keys.Cases, opened.Id));
        _ = transaction.HashSetAsync(Keys.Cases, opened.Id, CaseJson.Write(opened));
        if (entries.Count > 0)
            _ = transaction.ListRightPushAsync(Keys.CaseAudit(opened.Id), [.. entries.Select(e => (RedisValue)CaseJson.Write(e))]);
        return await transaction.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public async Task<bool> UpdateCaseAsync(CaseChange change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (change.Before is null)
            return false;

        var id = change.After.Id;
        var transaction = Database.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(Keys.Cases, id, CaseJson.Write(change.Before)));
        _ = transaction.HashSetAsync(Keys.Cases, id, CaseJson.Write(change.After));
        if (change.Entries.Count > 0)
            _ = transaction.ListRightPushAsync(Keys.CaseAudit(id), [.. change.Entries.Select(e => (RedisValue)CaseJson.Write(e))]);
        return await transaction.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public async Task<CleanupCase?> GetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await Database.HashGetAsync(Keys.Cases, caseId).WaitAsync(cancellationToken);
        return value.IsNull ? null : CaseJson.Read(value!);
    }

    public async Task<IReadOnlyList<CleanupCase>> GetCasesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = await Database.HashValuesAsync(Keys.Cases).WaitAsync(cancellationToken);
        return CaseJson.NewestFirst(values.Select(v => CaseJson.Read(v!)));
    }

    public async Task<IReadOnlyList<CaseAuditEntry>> GetCaseAuditAsync(string caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Database.ListRangeAsync(Keys.CaseAudit(caseId)).WaitAsync(cancellationToken);
        return [.. entries.Select(e => CaseJson.ReadEntry(e!))];
    }
}
