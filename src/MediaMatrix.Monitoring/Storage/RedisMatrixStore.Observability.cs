using System.Text.Json;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Snapshots in one hash (a scrape is one HGETALL); digest claims as SET NX PX leases; delivery records in one hash per week.</summary>
public sealed partial class RedisMatrixStore
{
    private const string ReleaseIfOwner = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    public async Task SaveAccountSnapshotsAsync(IReadOnlyCollection<AccountSnapshot> snapshots, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (snapshots.Count == 0)
            return;
        var fields = snapshots.Select(s => new HashEntry(s.AccountId, JsonSerializer.Serialize(s, ObservabilityJsonContext.Compact.AccountSnapshot))).ToArray();
        var batch = redis.GetDatabase().CreateBatch();
        var written = batch.HashSetAsync(keys.AccountSnapshots, fields);
        var expiry = batch.KeyExpireAsync(keys.AccountSnapshots, options.EvaluationRetention);
        batch.Execute();
        await Task.WhenAll(written, expiry).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, AccountSnapshot>> GetAccountSnapshotsAsync(CancellationToken cancellationToken)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(keys.AccountSnapshots).WaitAsync(cancellationToken);
        return entries.ToDictionary(e => (string)e.Name!, e => JsonSerializer.Deserialize((string)e.Value!, ObservabilityJsonContext.Compact.AccountSnapshot)!, StringComparer.Ordinal);
    }

    public Task<bool> ClaimDigestAsync(string weekKey, string recipient, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(keys.DigestClaim(weekKey, recipient), owner, lease, When.NotExists).WaitAsync(cancellationToken);

    public Task ReleaseDigestClaimAsync(string weekKey, string recipient, string owner, CancellationToken cancellationToken) =>
        redis.GetDatabase().ScriptEvaluateAsync(ReleaseIfOwner, [keys.DigestClaim(weekKey, recipient)], [owner]).WaitAsync(cancellationToken);

    public async Task SaveDigestDeliveryAsync(DigestDelivery delivery, CancellationToken cancellationToken)
    {
        var key = keys.DigestDeliveries(delivery.WeekKey);
        var batch = redis.GetDatabase().CreateBatch();
        var written = batch.HashSetAsync(key, delivery.Recipient, JsonSerializer.Serialize(delivery, ObservabilityJsonContext.Compact.DigestDelivery));
        var expiry = batch.KeyExpireAsync(key, options.DigestRetention);
        batch.Execute();
        await Task.WhenAll(written, expiry).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DigestDelivery>> GetDigestDeliveriesAsync(string weekKey, CancellationToken cancellationToken)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(keys.DigestDeliveries(weekKey)).WaitAsync(cancellationToken);
        return [.. entries.Select(e => JsonSerializer.Deserialize((string)e.Value!, ObservabilityJsonContext.Compact.DigestDelivery)!)
            .OrderBy(d => d.Recipient, StringComparer.Ordinal)];
    }

    public async Task<DigestWeek> ClaimDigestWeekAsync(DigestWeek week, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var key = keys.DigestWeek(week.WeekKey);
        var json = JsonSerializer.Serialize(week, ObservabilityJsonContext.Compact.DigestWeek);
        if (await db.StringSetAsync(key, json, options.DigestRetention, When.NotExists).WaitAsync(cancellationToken))
            return week;
        return await GetDigestWeekAsync(week.WeekKey, cancellationToken) ?? week;
    }

    public async Task<DigestWeek?> GetDigestWeekAsync(string weekKey, CancellationToken cancellationToken)
    {
        var json = await redis.GetDatabase().StringGetAsync(keys.DigestWeek(weekKey)).WaitAsync(cancellationToken);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, ObservabilityJsonContext.Compact.DigestWeek);
    }
}
