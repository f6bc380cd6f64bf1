using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Period claims: <c>SET NX PX</c>, so the first replica wins and the claim lapses with its period.</summary>
public sealed class RedisPeriodClaimStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), IPeriodClaimStore
{
    public async Task<bool> ClaimPeriodAsync(string name, string periodKey, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Database.StringSetAsync(Keys.Claim(name, periodKey), "1", ttl, When.NotExists).WaitAsync(cancellationToken);
    }
}
