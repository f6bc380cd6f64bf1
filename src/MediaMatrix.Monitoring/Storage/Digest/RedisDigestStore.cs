using System.Text.Json;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Digest weeks as SET NX strings; claims as SET NX PX leases; delivery records in one hash per week.</summary>
public sealed class RedisDigestStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), IDigestStore
{
    private const string ReleaseIfOwner = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    public Task<bool> ClaimDigestAsync(string weekKey, string recipient, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        Database.StringSetAsync(Keys.DigestClaim(weekKey, recipient), owner, lease, When.NotExists).WaitAsync(cancellationToken);

    public Task ReleaseDigestClaimAsync(string weekKey, string recipient, string owner, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(ReleaseIfOwner, [Keys.DigestClaim(weekKey, recipient)], [owner]).WaitAsync(cancellationToken);

    public async Task SaveDigestDeliveryAsync(DigestDelivery delivery, CancellationToken cancellationToken)
    {
        var key = Keys.DigestDeliveries(delivery.WeekKey);
        var batch = Database.CreateBatch();
        var written = batch.HashSetAsync(key, delivery.Recipient, JsonSerializer.Serialize(delivery, ObservabilityJsonContext.Compact.DigestDelivery));
        var expiry = batch.KeyExpireAsync(key, Options.DigestRetention);
        batch.Execute();
        await Task.WhenAll(written, expiry).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DigestDelivery>> GetDigestDeliveriesAsync(string weekKey, CancellationToken cancellationToken)
    {
        var entries = await Database.HashGetAllAsync(Keys.DigestDeliveries(weekKey)).WaitAsync(cancellationToken);
        return [.. entries.Select(e => JsonSerializer.Deserialize((string)e.Value!, ObservabilityJsonContext.Compact.DigestDelivery)!)
            .OrderBy(d => d.Recipient, StringComparer.Ordinal)];
    }

    public async Task<DigestWeek> ClaimDigestWeekAsync(DigestWeek week, CancellationToken cancellationToken)
    {
        var db = Database;
        var key = Keys.DigestWeek(week.WeekKey);
        var json = JsonSerializer.Serialize(week, ObservabilityJsonContext.Compact.DigestWeek);
        if (await db.StringSetAsync(key, json, Options.DigestRetention, When.NotExists).WaitAsync(cancellationToken))
            return week;
        return await GetDigestWeekAsync(week.WeekKey, cancellationToken) ?? week;
    }

    public async Task<DigestWeek?> GetDigestWeekAsync(string weekKey, CancellationToken cancellationToken)
    {
        var json = await Database.StringGetAsync(Keys.DigestWeek(weekKey)).WaitAsync(cancellationToken);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, ObservabilityJsonContext.Compact.DigestWeek);
    }
}
