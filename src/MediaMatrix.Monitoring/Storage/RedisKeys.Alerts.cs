using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Alert, decision and claim keys. Every alert key carries the hash tag <c>{alerts}</c>: one slot, so one
/// script opens or resolves an alert atomically with its open index and trail (alerts are few: accounts × kinds).</summary>
public sealed partial class RedisKeys
{
    /// <summary>Hash: slot (kind:subject) → key of the open alert in it. Permanent, bounded by accounts and tasks × kinds.</summary>
    public RedisKey OpenAlerts => $"{prefix}:{{alerts}}:open";

    /// <summary>String: the alert's JSON. Permanent while open; resolvedRetention once resolved.</summary>
    public RedisKey Alert(string alertKey) => $"{prefix}:{{alerts}}:{alertKey}:alert";

    /// <summary>List: the alert's audit entries, appended in order. Same lifetime as the alert.</summary>
    public RedisKey AlertAudit(string alertKey) => $"{prefix}:{{alerts}}:{alertKey}:audit";

    /// <summary>Zset: keys of resolved alerts, score = resolution time (unix ms); entries past retention trimmed on write.</summary>
    public RedisKey ResolvedAlerts => $"{prefix}:{{alerts}}:resolved";

    /// <summary>Zset: the account's decisions as JSON, score = decision time (unix ms). Permanent.</summary>
    public RedisKey Decisions(string accountId) => $"{prefix}:acct:{{{accountId}}}:decisions";

    /// <summary>String: a period claim; expires with its TTL.</summary>
    public RedisKey Claim(string name, string periodKey) => $"{prefix}:claim:{name}:{periodKey}";
}
