namespace MediaMatrix.Monitoring.Storage;

/// <summary>The Lua behind alert writes. Every alert key shares the <c>{alerts}</c> slot, so each write is one atomic
/// step: an alert is never open without its index entry or its "opened" line.</summary>
internal static class AlertScripts
{
    /// <summary>KEYS: open hash, alert, audit. ARGV: slot, alert key, alert JSON, audit JSON. 1 when opened.</summary>
    public const string Open = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('SET', KEYS[2], ARGV[3])
        redis.call('RPUSH', KEYS[3], ARGV[4])
        return 1
        """;

    /// <summary>KEYS: open hash, alert, audit, resolved zset. ARGV: slot, alert key, alert JSON, audit JSON,
    /// resolved ms or '' (still open), retention ms. 1 when changed.</summary>
    public const string Update = """
        if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] or redis.call('GET', KEYS[2]) == ARGV[3] then return 0 end
        redis.call('RPUSH', KEYS[3], ARGV[4])
        if ARGV[5] == '' then
          redis.call('SET', KEYS[2], ARGV[3])
          return 1
        end
        local retention = tonumber(ARGV[6])
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('SET', KEYS[2], ARGV[3], 'PX', retention)
        redis.call('PEXPIRE', KEYS[3], retention)
        redis.call('ZADD', KEYS[4], ARGV[5], ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. (tonumber(ARGV[5]) - retention))
        redis.call('PEXPIRE', KEYS[4], retention)
        return 1
        """;

    /// <summary>KEYS: alert, audit. ARGV: audit JSON. Appends unless the alert is gone or the entry is already last;
    /// the trail keeps the alert's TTL.</summary>
    public const string Note = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('LINDEX', KEYS[2], -1) == ARGV[1] then return 0 end
        redis.call('RPUSH', KEYS[2], ARGV[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
        return 1
        """;
}
