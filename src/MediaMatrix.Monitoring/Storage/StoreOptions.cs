using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>How much the store keeps and for how long. Bound from the <c>Store</c> section of the host settings.</summary>
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

    /// <summary>Fails fast at start-up with the settings key in the message (style habit 5).</summary>
    public void Validate()
    {
        SettingRules.Check(!string.IsNullOrWhiteSpace(KeyPrefix) && KeyPrefix.AsSpan().IndexOfAny('{', '}') < 0, "Store:KeyPrefix", KeyPrefix,
            "must be non-empty and contain no braces");
        SettingRules.Positive(PostRetention, "Store:PostRetention");
        SettingRules.Check(MaxPostsPerAccount >= 1, "Store:MaxPostsPerAccount", MaxPostsPerAccount, "must be at least 1");
        SettingRules.Check(MaxEvaluationsPerAccount >= 1, "Store:MaxEvaluationsPerAccount", MaxEvaluationsPerAccount, "must be at least 1");
        SettingRules.Positive(EvaluationRetention, "Store:EvaluationRetention");
        SettingRules.Positive(PollStateTtl, "Store:PollStateTtl");
        SettingRules.Positive(ResolvedAlertRetention, "Store:ResolvedAlertRetention");
        SettingRules.Positive(DigestRetention, "Store:DigestRetention");
    }

    /// <summary>The oldest publication time (unix ms) a poll keeps. The poll's own attempt time is "now" here, so
    /// the same record always trims the same posts (R4) and the store needs no clock. Null: no age trimming.</summary>
    internal long? RetentionCutoffMs(PollState state) =>
        state.LastAttemptAt is { } attempt ? (attempt - PostRetention).ToUnixTimeMilliseconds() : null;
}
