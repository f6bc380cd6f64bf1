using System.Text.Json;
using MediaMatrix.Monitoring.Assessment;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Evaluations: one zset per account (compact JSON scored by evaluation time). Snapshots: one hash, so a scrape
/// is one HGETALL. Layout and bounds: docs/redis-keys.md.</summary>
public sealed class RedisEvaluationStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), IEvaluationStore
{
    /// <summary>
    /// KEYS: evaluations zset (one account). ARGV: 1 evaluation time ms, 2 record JSON, 3 max kept, 4 TTL ms.
    /// Replaces whatever was stored for the same instant (the member is the JSON, so a plain ZADD would keep both),
    /// then drops the oldest beyond the bound. One round trip, and replaying it leaves the same key.
    /// </summary>
    private const string SaveEvaluationScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
        if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1) end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    public async Task SaveEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Database.ScriptEvaluateAsync(
            SaveEvaluationScript,
            [Keys.Evaluations(record.AccountId)],
            [
                record.At.ToUnixTimeMilliseconds(),
                JsonSerializer.Serialize(StoredEvaluation.From(record), StorageJsonContext.Compact.StoredEvaluation),
                Options.MaxEvaluationsPerAccount,
                (long)Options.EvaluationRetention.TotalMilliseconds,
            ]).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EvaluationRecord>> GetEvaluationHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return [];
        }

        var members = await Database.SortedSetRangeByRankAsync(Keys.Evaluations(accountId), 0, max - 1, Order.Descending)
            .WaitAsync(cancellationToken);
        return [.. members.Select(json => JsonSerializer.Deserialize((string)json!, StorageJsonContext.Compact.StoredEvaluation)!.ToRecord(accountId))];
    }

    public async Task SaveAccountSnapshotsAsync(IReadOnlyCollection<AccountSnapshot> snapshots, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (snapshots.Count == 0)
        {
            return;
        }

        var fields = snapshots.Select(s => new HashEntry(s.AccountId, JsonSerializer.Serialize(s, ObservabilityJsonContext.Compact.AccountSnapshot))).ToArray();
        var batch = Database.CreateBatch();
        var written = batch.HashSetAsync(Keys.AccountSnapshots, fields);
        var expiry = batch.KeyExpireAsync(Keys.AccountSnapshots, Options.EvaluationRetention);
        batch.Execute();
        await Task.WhenAll(written, expiry).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, AccountSnapshot>> GetAccountSnapshotsAsync(CancellationToken cancellationToken)
    {
        var entries = await Database.HashGetAllAsync(Keys.AccountSnapshots).WaitAsync(cancellationToken);
        return entries.ToDictionary(e => (string)e.Name!, e => JsonSerializer.Deserialize((string)e.Value!, ObservabilityJsonContext.Compact.AccountSnapshot)!, StringComparer.Ordinal);
    }
}
