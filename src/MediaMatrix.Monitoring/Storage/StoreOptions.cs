using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>How much the store keeps and for how long. Bound from the <c>storage</c> section of the config.</summary>
public sealed record StoreOptions
{
    /// <summary>Starts every Redis key. Tests give each test its own prefix; two deployments can share one Redis.
    /// Must not contain braces: they would change the hash tag that keeps an account's keys in one cluster slot.</summary>
    public string KeyPrefix { get; init; } = "mm";

    /// <summary>Posts published longer ago than this, measured from the poll that sees them, are dropped.
    /// 400 days covers the yearly review of a county's accounts (全年检查) plus a month of slack. Also the TTL,
    /// refreshed by every poll, of an account's post keys: an account nobody polls for that long has nothing in the window.</summary>
    public TimeSpan PostRetention { get; init; } = TimeSpan.FromDays(400);

    /// <summary>Bounds the dated posts kept per account (and, separately, the undated ones): a source that floods
    /// its list page cannot grow memory without limit. 1,000 is years of posts for a county account.</summary>
    public int MaxPostsPerAccount { get; init; } = 1000;

    /// <summary>TTL of an account's poll state and of the due index, refreshed by every write. An account removed
    /// from the config stops being polled and its state goes after this; start-up re-schedules every configured account.</summary>
    public TimeSpan PollStateTtl { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Bounds the stored evaluations per account. Stability needs only the newest few; 400 keeps more than a year of
    /// daily evaluations for a bulletin's "change since the previous period".</summary>
    public int MaxEvaluationsPerAccount { get; init; } = 400;

    /// <summary>TTL of an account's stored evaluations, refreshed by every save: an account nobody evaluates for this long starts afresh.</summary>
    public TimeSpan EvaluationRetention { get; init; } = TimeSpan.FromDays(400);

    /// <summary>How long a resolved alert and its audit trail are kept (open ones are kept until they resolve).</summary>
    public TimeSpan ResolvedAlertRetention { get; init; } = TimeSpan.FromDays(180);

    /// <summary>TTL of the weekly digest's records (the week's figures and deliveries): long enough for "change since last week" and an audit.</summary>
    public TimeSpan DigestRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Fails fast at start-up with the config key in the message (style habit 5).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyPrefix) || KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException($"storage.keyPrefix: '{KeyPrefix}' must be non-empty and contain no braces");
        }

        if (PostRetention <= TimeSpan.Zero)
        {
            throw new ArgumentException($"storage.postRetention: {PostRetention} must be positive");
        }

        if (MaxPostsPerAccount < 1)
        {
            throw new ArgumentException($"storage.maxPostsPerAccount: {MaxPostsPerAccount} must be at least 1");
        }

        if (MaxEvaluationsPerAccount < 1)
        {
            throw new ArgumentException($"storage.maxEvaluationsPerAccount: {MaxEvaluationsPerAccount} must be at least 1");
        }

        if (EvaluationRetention <= TimeSpan.Zero)
        {
            throw new ArgumentException($"storage.evaluationRetention: {EvaluationRetention} must be positive");
        }

        if (PollStateTtl <= TimeSpan.Zero)
        {
            throw new ArgumentException($"storage.pollStateTtl: {PollStateTtl} must be positive");
        }
    }

    /// <summary>The oldest publication time (unix ms) a poll keeps. The poll's own attempt time is "now" here, so
    /// the same record always trims the same posts (R4) and the store needs no clock. Null: no age trimming.</summary>
    internal long? RetentionCutoffMs(PollState state) =>
        state.LastAttemptAt is { } attempt ? (attempt - PostRetention).ToUnixTimeMilliseconds() : null;
}
