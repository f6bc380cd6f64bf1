using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>
/// Who still owes which cluster task at T, for the task alerts: the configured tasks, those operators created (kept in
/// the store), and those the keyword rules make
/// from head posts, matched as the rubric matches them. Only tasks still watched (deadline within
/// <see cref="AlertOptions.TaskLookback"/>) are returned, so the posts read are bounded by that window.
/// </summary>
public sealed class TaskStandings(MatrixConfig matrix, IPostStore postStore, ITaskStore store, TaskMatchOptions matching, AlertOptions options)
{
    public async Task<IReadOnlyList<TaskStanding>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await MatrixTasks.KnownAsync(matrix, store, cancellationToken).ConfigureAwait(false);
        if (known.Count == 0 && matrix.Rules.Count == 0)
            return [];

        var watchedFrom = now - options.TaskLookback;

        // A watched task may have been issued well before its deadline; a repost is never older than its task.
        var since = known.Where(t => t.Deadline >= watchedFrom).Select(t => t.Issued).Append(watchedFrom - options.TaskLookback).Min();
        var posts = new Dictionary<string, IReadOnlyList<Post>>(StringComparer.Ordinal);
        foreach (var id in matrix.MemberIds.Append(matrix.Head.Id).Distinct(StringComparer.Ordinal))
            posts[id] = await postStore.GetPostsAsync(id, since, cancellationToken).ConfigureAwait(false);

        var watched = MatrixTasks.WithRuleTasks(matrix, known, posts[matrix.Head.Id]).Where(t => t.Deadline >= watchedFrom).ToList();
        if (watched.Count == 0)
            return [];

        var manual = await store.GetManualCompletionsAsync([.. watched.Select(t => t.Id)], cancellationToken).ConfigureAwait(false);
        return TaskStanding.Of(CompletionMatrix.Build(watched, matrix.MemberIds, posts, manual, now, matching));
    }
}
