using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>What every Redis-backed store shares: the one connection (a multiplexer is meant to be shared), the
/// validated options, and the keys built from their prefix.</summary>
public abstract class RedisStore
{
    private readonly IConnectionMultiplexer redis;

    protected RedisStore(IConnectionMultiplexer redis, StoreOptions options)
    {
        options.Validate();
        this.redis = redis;
        Options = options;
        Keys = new RedisKeys(options.KeyPrefix);
    }

    protected StoreOptions Options { get; }

    protected RedisKeys Keys { get; }

    protected IDatabase Database => redis.GetDatabase();
}
