namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Decides whether an account has completed one task, from its posts, as things stood at an instant. The task's
/// link and title are reduced once here, because one task is matched against every member's posts.
/// (<see cref="CompletionMatrix"/> matches many tasks at once the same way.)
/// </summary>
public sealed class TaskMatcher
{
    private readonly ReducedTasks reduced;

    public TaskMatcher(ClusterTask task, TaskMatchOptions options)
    {
        Task = task;
        reduced = new ReducedTasks([task], options);
    }

    public ClusterTask Task { get; }

    /// <summary>
    /// The account's standing at <paramref name="now"/>. A manual record wins outright. Otherwise the earliest post
    /// published from issue time up to <paramref name="now"/> that links to the head post or carries the task's
    /// title completes the task: on time by the deadline, late after it. Posts before issue time (the account's
    /// own earlier item on the same subject) and undated posts never count.
    /// </summary>
    public TaskCompletion Match(string accountId, IEnumerable<Post> posts, ManualCompletion? manual, DateTimeOffset now)
    {
        if (manual is not null)
            return new TaskCompletion(Task.Id, accountId, CompletionStatus.Manual, CompletionMatch.Manual, Manual: manual);

        var result = new TaskCompletion[1];
        new AccountMatching(reduced).Match(accountId, posts as IReadOnlyList<Post> ?? [.. posts], [0], now, result);
        return result[0];
    }
}
