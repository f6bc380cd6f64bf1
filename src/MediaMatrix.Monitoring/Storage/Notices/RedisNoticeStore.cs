using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Notice records: a claim is <c>SET NX PX</c>; every later step is a script that checks who holds it first.</summary>
public sealed class RedisNoticeStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), INoticeStore
{
    public async Task<bool> ClaimNoticeAsync(string noticeKey, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Database.StringSetAsync(Keys.Notice(noticeKey), NoticeValues.Claim(owner), lease, When.NotExists).WaitAsync(cancellationToken);
    }

    public async Task<bool> MarkNoticeSendingAsync(string noticeKey, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Database.ScriptEvaluateAsync(
            NoticeScripts.MarkSending, [Keys.Notice(noticeKey)], [NoticeValues.Claim(owner), NoticeValues.Sending(owner), (long)retention.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return (long)result == 1;
    }

    public async Task<bool> SettleNoticeAsync(string noticeKey, string owner, NoticeOutcome outcome, TimeSpan retention, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Database.ScriptEvaluateAsync(
            NoticeScripts.Settle, [Keys.Notice(noticeKey)],
            [NoticeValues.Claim(owner), NoticeValues.Sending(owner), NoticeValues.Of(outcome), (long)retention.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return (long)result == 1;
    }

    public async Task ReleaseNoticeAsync(string noticeKey, string owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Database.ScriptEvaluateAsync(NoticeScripts.Release, [Keys.Notice(noticeKey)], [NoticeValues.Claim(owner)]).WaitAsync(cancellationToken);
    }

    public async Task<NoticeOutcome?> GetNoticeOutcomeAsync(string noticeKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await Database.StringGetAsync(Keys.Notice(noticeKey)).WaitAsync(cancellationToken);
        return value.IsNull ? null : NoticeValues.Outcome(value!);
    }

    private static class NoticeScripts
    {
        /// <summary>KEYS: notice. ARGV: claim value, sending value, retention ms.</summary>
        public const string MarkSending = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """;

        /// <summary>KEYS: notice. ARGV: claim value, sending value, outcome, retention ms. An absent key is a lapsed lease
        /// nobody took over: the outcome is still ours to record.</summary>
        public const string Settle = """
            local v = redis.call('GET', KEYS[1])
            if v and v ~= ARGV[1] and v ~= ARGV[2] then return 0 end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
            return 1
            """;

        /// <summary>KEYS: notice. ARGV: claim value.</summary>
        public const string Release = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 0
            """;
    }
}
