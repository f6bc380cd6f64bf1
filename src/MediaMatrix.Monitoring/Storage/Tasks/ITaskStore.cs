using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Cluster tasks: those operators create and their manual completions, which must survive restarts (they are
/// decisions, not data we can re-read).</summary>
public interface ITaskStore
{
    /// <summary>Keeps an operator's manual completion. One per (task, account): saving again replaces it, and
    /// saving the same record twice leaves the same data behind. Never expires (docs/redis-keys.md).</summary>
    Task SaveManualCompletionAsync(ManualCompletion completion, CancellationToken cancellationToken);

    /// <summary>The manual completions of the given tasks, or of every task when <paramref name="taskIds"/> is null;
    /// ordered by task id, then account id.</summary>
    Task<IReadOnlyList<ManualCompletion>> GetManualCompletionsAsync(IReadOnlyCollection<string>? taskIds, CancellationToken cancellationToken);

    /// <summary>Keeps a task an operator created (UI or API), with who created it and when. One per task id: saving
    /// again replaces it. Never expires (docs/redis-keys.md).</summary>
    Task SaveTaskAsync(ClusterTask task, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Every stored task, ordered by issue time, then id.</summary>
    Task<IReadOnlyList<ClusterTask>> GetTasksAsync(CancellationToken cancellationToken);
}
