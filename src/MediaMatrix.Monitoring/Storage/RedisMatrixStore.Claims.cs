using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Claims as one Lua script on the due index: Redis runs a script alone, so two replicas can never take the same account.</summary>
public sealed partial class RedisMatrixStore
{
    public async Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return [];
        }

        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            RedisClaimScript.ClaimDue,
            [keys.Due],
            [now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), max, (long)options.PollStateTtl.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return [.. ((RedisResult[])result!).Select(id => (string)id!)];
    }
}
