using System.Text.Json;
using MediaMatrix.Monitoring.Tasks;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Manual completions: one hash per task (account → record) and a set indexing the tasks that have any.
/// Operator-created tasks: one hash (id → record). All permanent: an operator's decision is audit data, and it is
/// small (tasks × members).</summary>
public sealed class RedisTaskStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), ITaskStore
{
    public async Task SaveManualCompletionAsync(ManualCompletion completion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(completion, TaskStorageJsonContext.Compact.ManualCompletion);

        // Two slots (the task's hash, the index), so one batch rather than one script. Written index last would not
        // help: both are idempotent, and a half-applied save is completed by the operator saving again.
        var batch = Database.CreateBatch();
        var saved = batch.HashSetAsync(Keys.ManualCompletions(completion.TaskId), completion.AccountId, json);
        var indexed = batch.SetAddAsync(Keys.TasksWithManualCompletions, completion.TaskId);
        batch.Execute();
        await Task.WhenAll(saved, indexed).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ManualCompletion>> GetManualCompletionsAsync(IReadOnlyCollection<string>? taskIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Database;
        taskIds ??= [.. (await db.SetMembersAsync(Keys.TasksWithManualCompletions).WaitAsync(cancellationToken)).Select(id => (string)id!)];

        var batch = db.CreateBatch();
        var reads = taskIds.Distinct(StringComparer.Ordinal).Select(id => batch.HashGetAllAsync(Keys.ManualCompletions(id))).ToList();
        batch.Execute();
        await Task.WhenAll(reads).WaitAsync(cancellationToken);

        var completions = new List<ManualCompletion>();
        foreach (var read in reads)
        {
            foreach (var entry in await read)
                completions.Add(JsonSerializer.Deserialize((string)entry.Value!, TaskStorageJsonContext.Compact.ManualCompletion)!);
        }

        return [.. completions.OrderBy(c => c.TaskId, StringComparer.Ordinal).ThenBy(c => c.AccountId, StringComparer.Ordinal)];
    }

    public async Task SaveTaskAsync(ClusterTask task, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(new StoredTask(task, createdBy, createdAt), TaskStorageJsonContext.Compact.StoredTask);
        await Database.HashSetAsync(Keys.Tasks, task.Id, json).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClusterTask>> GetTasksAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Database.HashGetAllAsync(Keys.Tasks).WaitAsync(cancellationToken);
        return [.. entries
            .Select(e => JsonSerializer.Deserialize((string)e.Value!, TaskStorageJsonContext.Compact.StoredTask)!.Task)
            .OrderBy(t => t.Issued)
            .ThenBy(t => t.Id, StringComparer.Ordinal)];
    }
}
