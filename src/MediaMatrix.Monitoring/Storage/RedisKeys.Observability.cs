using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Keys for /metrics and the weekly digest. Weekly keys carry the ISO week as a hash tag so one week's keys share a slot.</summary>
public sealed partial class RedisKeys
{
    /// <summary>Hash: account id → latest <see cref="AccountSnapshot"/> JSON. TTL: evaluation retention, refreshed by every save.</summary>
    public RedisKey AccountSnapshots => $"{prefix}:snapshots";

    /// <summary>String with PX: who is delivering the week's digest to one recipient right now.</summary>
    public RedisKey DigestClaim(string weekKey, string recipient) => $"{prefix}:digest:{{{weekKey}}}:claim:{recipient}";

    /// <summary>Hash: recipient → <see cref="DigestDelivery"/> JSON. TTL: <see cref="StoreOptions.DigestRetention"/>.</summary>
    public RedisKey DigestDeliveries(string weekKey) => $"{prefix}:digest:{{{weekKey}}}:deliveries";

    /// <summary>String: the week's <see cref="DigestWeek"/> JSON, set once (NX). TTL: <see cref="StoreOptions.DigestRetention"/>.</summary>
    public RedisKey DigestWeek(string weekKey) => $"{prefix}:digest:{{{weekKey}}}:week";
}
