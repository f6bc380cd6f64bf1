using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Every Redis key MediaMatrix uses is built here and nowhere else (style habit 11; layout in docs/redis-keys.md).
/// Per-account keys carry the account id as a hash tag (<c>{id}</c>) so one account's keys share a cluster slot
/// and one script can update them together.
/// </summary>
public sealed partial class RedisKeys(string prefix)
{
    /// <summary>Hash: post id → post JSON (dated and undated).</summary>
    public RedisKey Posts(string accountId) => Account(accountId, "posts");

    /// <summary>Sorted set: id of each dated post, scored by its publication time in unix ms, plus 0.5 for a date-only
    /// post (<see cref="PublicationScore"/>).</summary>
    public RedisKey Timeline(string accountId) => Account(accountId, "timeline");

    /// <summary>String: set once the account's timeline carries the day mark on every date-only post, including those
    /// written before it existed (docs/redis-keys.md, "Day mark").</summary>
    public RedisKey DayMarked(string accountId) => Account(accountId, "day-marked");

    /// <summary>Sorted set: id of each undated post, scored by the attempt time (unix ms) of the last poll that saw it,
    /// so undated posts are bounded by age and count like dated ones.</summary>
    public RedisKey Undated(string accountId) => Account(accountId, "undated");

    /// <summary>String: the account's <see cref="Polling.PollState"/> as JSON.</summary>
    public RedisKey PollState(string accountId) => Account(accountId, "poll");

    /// <summary>Sorted set: the account's stored evaluations as compact JSON, scored by evaluation time in unix ms (one per instant).</summary>
    public RedisKey Evaluations(string accountId) => Account(accountId, "evals");

    /// <summary>Sorted set: account id scored by when its next poll is due (unix ms). Not in any account's slot.</summary>
    public RedisKey Due => $"{prefix}:due";

    /// <summary>Matches every key under the prefix. For tests and operators only: the store never scans.</summary>
    public string AllKeysPattern => $"{prefix}:*";

    private RedisKey Account(string accountId, string kind) => $"{prefix}:acct:{{{accountId}}}:{kind}";
}
