namespace MediaMatrix.Monitoring.Tasks;

/// <summary>A task an operator created (UI or API) as the store keeps it: who created it and when are kept beside
/// the task for the audit trail, since the task itself says nothing about its author.</summary>
public sealed record StoredTask(ClusterTask Task, string CreatedBy, DateTimeOffset CreatedAt);
