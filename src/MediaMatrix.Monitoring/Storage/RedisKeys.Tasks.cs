using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cluster-task keys. Per-task keys carry the task id as a hash tag, as per-account keys carry the account id.</summary>
public sealed partial class RedisKeys
{
    /// <summary>Hash: account id → that account's <see cref="Tasks.ManualCompletion"/> JSON for the task. Permanent.</summary>
    public RedisKey ManualCompletions(string taskId) => $"{prefix}:task:{{{taskId}}}:manual";

    /// <summary>Set: ids of tasks that have a manual completion, so "all" is read without a scan. Permanent.</summary>
    public RedisKey TasksWithManualCompletions => $"{prefix}:manual-tasks";

    /// <summary>Hash: task id → that operator-created task's <see cref="Tasks.StoredTask"/> JSON. Permanent.</summary>
    public RedisKey Tasks => $"{prefix}:tasks";
}
