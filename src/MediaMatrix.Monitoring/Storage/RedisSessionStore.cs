using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Sessions in Redis: one string per session (its user, with the session's TTL) and a set per user of their session
/// ids, both in the user's hash slot so one script ends them all. Every replica reads the same records, so a session
/// ended on one is refused by all on their next request.
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, RedisKeys keys) : ISessionStore
{
    public async Task StartAsync(string user, string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await redis.GetDatabase().ScriptEvaluateAsync(Scripts.Start, [keys.Session(user, sessionId), keys.UserSessions(user)], [user, sessionId, (long)ttl.TotalMilliseconds])
            .WaitAsync(cancellationToken);
    }

    public async Task<bool> IsLiveAsync(string user, string sessionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(keys.Session(user, sessionId)).WaitAsync(cancellationToken);
        return value == user;
    }

    public async Task RenewAsync(string user, string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await redis.GetDatabase().ScriptEvaluateAsync(Scripts.Renew, [keys.Session(user, sessionId), keys.UserSessions(user)], [(long)ttl.TotalMilliseconds])
            .WaitAsync(cancellationToken);
    }

    public async Task EndAsync(string user, string sessionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(keys.Session(user, sessionId));
        _ = transaction.SetRemoveAsync(keys.UserSessions(user), sessionId);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public async Task EndAllAsync(string user, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await redis.GetDatabase().ScriptEvaluateAsync(Scripts.EndAll, [keys.UserSessions(user), keys.Session(user, string.Empty)]).WaitAsync(cancellationToken);
    }

    private static class Scripts
    {
        /// <summary>KEYS: session, user's set. ARGV: user, session id, ttl ms. The set lives as long as the newest session.</summary>
        public const string Start = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            redis.call('SADD', KEYS[2], ARGV[2])
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
            return 1
            """;

        /// <summary>KEYS: session, user's set. ARGV: ttl ms. Only a live session is renewed.</summary>
        public const string Renew = """
            if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 0 then return 0 end
            if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
            return 1
            """;

        /// <summary>KEYS: user's set, the session key with an empty id (the prefix every session key of the user starts with).</summary>
        public const string EndAll = """
            for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', KEYS[2] .. id) end
            redis.call('DEL', KEYS[1])
            return 1
            """;
    }
}
