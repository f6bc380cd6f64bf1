using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cleanup case keys, all in the <c>{cases}</c> slot so a change and its trail entries go in one transaction.</summary>
public sealed partial class RedisKeys
{
    /// <summary>Hash: case id → the <see cref="Cleanup.CleanupCase"/> JSON. Permanent.</summary>
    public RedisKey Cases => $"{prefix}:{{cases}}:cases";

    /// <summary>List: the case's <see cref="Cleanup.CaseAuditEntry"/> JSON, appended in order. Permanent.</summary>
    public RedisKey CaseAudit(string caseId) => $"{prefix}:{{cases}}:{caseId}:audit";
}
