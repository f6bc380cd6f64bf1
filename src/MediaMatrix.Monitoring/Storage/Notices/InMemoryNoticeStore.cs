namespace MediaMatrix.Monitoring.Storage;

/// <summary>Notice records in process, with the Redis store's semantics: leases and retention expire by a monotonic
/// clock, like Redis's own expiry.</summary>
public sealed class InMemoryNoticeStore : INoticeStore
{
    private readonly Lock noticeGate = new();
    private readonly Dictionary<string, (string Value, long ExpiresAt)> notices = new(StringComparer.Ordinal);
    private int claimsSincePurge;

    public Task<bool> ClaimNoticeAsync(string noticeKey, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (noticeGate)
        {
            if (Live(noticeKey) is not null)
                return Task.FromResult(false);
            PurgeNoticesNowAndThen();
            notices[noticeKey] = (NoticeValues.Claim(owner), Expiry(lease));
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkNoticeSendingAsync(string noticeKey, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (noticeGate)
        {
            if (Live(noticeKey) != NoticeValues.Claim(owner))
                return Task.FromResult(false);
            notices[noticeKey] = (NoticeValues.Sending(owner), Expiry(retention));
            return Task.FromResult(true);
        }
    }

    public Task<bool> SettleNoticeAsync(string noticeKey, string owner, NoticeOutcome outcome, TimeSpan retention, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (noticeGate)
        {
            var value = Live(noticeKey);
            if (value is not null && value != NoticeValues.Claim(owner) && value != NoticeValues.Sending(owner))
                return Task.FromResult(false);
            notices[noticeKey] = (NoticeValues.Of(outcome), Expiry(retention));
            return Task.FromResult(true);
        }
    }

    public Task ReleaseNoticeAsync(string noticeKey, string owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (noticeGate)
        {
            if (Live(noticeKey) == NoticeValues.Claim(owner))
                notices.Remove(noticeKey);
        }

        return Task.CompletedTask;
    }

    public Task<NoticeOutcome?> GetNoticeOutcomeAsync(string noticeKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (noticeGate)
            return Task.FromResult(Live(noticeKey) is { } value ? NoticeValues.Outcome(value) : null);
    }

    private string? Live(string noticeKey)
    {
        if (!notices.TryGetValue(noticeKey, out var held))
            return null;
        if (held.ExpiresAt > Environment.TickCount64)
            return held.Value;
        notices.Remove(noticeKey);
        return null;
    }

    // Records nobody asks about again would otherwise stay for the life of the process (a long demo run).
    private void PurgeNoticesNowAndThen()
    {
        if (++claimsSincePurge < 1024)
            return;
        claimsSincePurge = 0;
        var now = Environment.TickCount64;
        foreach (var key in notices.Where(n => n.Value.ExpiresAt <= now).Select(n => n.Key).ToList())
            notices.Remove(key);
    }

    private static long Expiry(TimeSpan ttl) => Environment.TickCount64 + (long)ttl.TotalMilliseconds;
}
