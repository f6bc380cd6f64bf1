using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Manual completions in process, keyed like the Redis hash: one per (task, account), the last save wins.</summary>
public sealed partial class InMemoryMatrixStore
{
    private readonly Lock manualGate = new();
    private readonly Dictionary<(string TaskId, string AccountId), ManualCompletion> manualCompletions = [];

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
}
