using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Notice keys: one string per (alert key, transition, route), each written alone, so no hash tag.</summary>
public sealed partial class RedisKeys
{
    /// <summary>String: <c>claim:&lt;owner&gt;</c> for the lease, <c>sending:&lt;owner&gt;</c> while a mail body goes out,
    /// then <c>sent</c>, <c>failed</c> or <c>unknown</c>. Expires with the lease, then with the notice's retention.</summary>
    public RedisKey Notice(string noticeKey) => $"{prefix}:notice:{noticeKey}";
}
