using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Manual completions and created tasks in process, keyed like the Redis hashes: the last save wins.</summary>
public sealed class InMemoryTaskStore : ITaskStore
{
    private readonly Lock manualGate = new();
    private readonly Dictionary<(string TaskId, string AccountId), ManualCompletion> manualCompletions = [];
    private readonly Dictionary<string, StoredTask> storedTasks = new(StringComparer.Ordinal);

    public Task SaveManualCompletionAsync(ManualCompletion completion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (manualGate)
        {
            manualCompletions[(completion.TaskId, completion.AccountId)] = completion;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ManualCompletion>> GetManualCompletionsAsync(IReadOnlyCollection<string>? taskIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var wanted = taskIds?.ToHashSet(StringComparer.Ordinal);
        lock (manualGate)
        {
            IReadOnlyList<ManualCompletion> completions = [.. manualCompletions.Values
                .Where(c => wanted is null || wanted.Contains(c.TaskId))
                .OrderBy(c => c.TaskId, StringComparer.Ordinal)
                .ThenBy(c => c.AccountId, StringComparer.Ordinal)];
            return Task.FromResult(completions);
        }
    }

    public Task SaveTaskAsync(ClusterTask task, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (manualGate)
        {
            storedTasks[task.Id] = new StoredTask(task, createdBy, createdAt);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClusterTask>> GetTasksAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (manualGate)
        {
            IReadOnlyList<ClusterTask> tasks = [.. storedTasks.Values.Select(s => s.Task).OrderBy(t => t.Issued).ThenBy(t => t.Id, StringComparer.Ordinal)];
            return Task.FromResult(tasks);
        }
    }
}
