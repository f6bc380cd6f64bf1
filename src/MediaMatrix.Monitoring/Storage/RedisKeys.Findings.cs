using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Finding keys, all in the <c>{findings}</c> slot so a change and its trail entry go in one transaction.</summary>
public sealed partial class RedisKeys
{
    /// <summary>Hash: finding id → the <see cref="Assessment.ManualFinding"/> JSON. Permanent.</summary>
    public RedisKey Findings => $"{prefix}:{{findings}}:findings";

    /// <summary>Hash: content finding id → the <see cref="Content.ContentFinding"/> JSON. Permanent: a dismissal is remembered.</summary>
    public RedisKey ContentFindings => $"{prefix}:{{findings}}:content";

    /// <summary>List: the finding's <see cref="FindingAuditEntry"/> JSON, appended in order. Permanent.</summary>
    public RedisKey FindingAudit(string findingId) => $"{prefix}:{{findings}}:{findingId}:audit";
}
