namespace MediaMatrix.Monitoring.Storage;

/// <summary>The claim's Lua, apart from <see cref="PostScripts"/> so the claim can change without touching the poll scripts.</summary>
internal static class RedisClaimScript
{
    /// <summary>
    /// KEYS: the due index. ARGV: 1 now ms, 2 lease end ms, 3 max, 4 due-index TTL ms.
    /// Returns the claimed ids, most overdue first (ties by id, as ZRANGEBYSCORE orders them).
    /// </summary>
    public const string ClaimDue = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
        for _, id in ipairs(ids) do
          redis.call('ZADD', KEYS[1], ARGV[2], id)
        end
        if #ids > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return ids
        """;
}
