using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Accounts × tasks at an instant: a cell for every (task, assignee) pair, none where an account was not assigned.
/// The office reads it as "who still owes what"; <see cref="Tally"/> turns it into the rubric's numbers.
/// </summary>
public sealed class CompletionMatrix
{
    private readonly Dictionary<(string TaskId, string AccountId), TaskCompletion> cells;

    private CompletionMatrix(DateTimeOffset at, IReadOnlyList<ClusterTask> tasks, IReadOnlyList<string> accountIds,
        Dictionary<(string, string), TaskCompletion> cells)
    {
        At = at;
        Tasks = tasks;
        AccountIds = accountIds;
        this.cells = cells;
    }

    /// <summary>The instant the matrix describes.</summary>
    public DateTimeOffset At { get; }

    public IReadOnlyList<ClusterTask> Tasks { get; }

    /// <summary>The member accounts, in the order given.</summary>
    public IReadOnlyList<string> AccountIds { get; }

    /// <summary>
    /// Matches every assignee of every task. <paramref name="postsByAccount"/> holds each member's posts (any order;
    /// an absent account has none); <paramref name="manual"/> the operators' records. Tasks issued after
    /// <paramref name="at"/> are left out: they did not exist yet.
    /// </summary>
    public static CompletionMatrix Build(
        IEnumerable<ClusterTask> tasks,
        IReadOnlyList<string> memberIds,
        IReadOnlyDictionary<string, IReadOnlyList<Post>> postsByAccount,
        IEnumerable<ManualCompletion> manual,
        DateTimeOffset at,
        TaskMatchOptions options)
    {
        var recorded = new Dictionary<(string, string), ManualCompletion>();
        foreach (var record in manual)
            recorded[(record.TaskId, record.AccountId)] = record;

        var included = tasks.Where(t => t.Issued <= at).ToList();
        var cells = new Dictionary<(string, string), TaskCompletion>();
        foreach (var task in included)
        {
            var matcher = new TaskMatcher(task, options);
            foreach (var accountId in task.AssigneesAmong(memberIds))
            {
                var posts = postsByAccount.GetValueOrDefault(accountId) ?? [];
                cells[(task.Id, accountId)] = matcher.Match(accountId, posts, recorded.GetValueOrDefault((task.Id, accountId)), at);
            }
        }

        return new CompletionMatrix(at, included, memberIds, cells);
    }

    /// <summary>The account's standing on the task, or null when the task is not assigned to it.</summary>
    public TaskCompletion? Cell(string taskId, string accountId) => cells.GetValueOrDefault((taskId, accountId));

    /// <summary>The assignees of a task that have not completed it: the names a reminder carries.</summary>
    public IReadOnlyList<string> MissingFor(string taskId) =>
        [.. AccountIds.Where(a => Cell(taskId, a) is { Status: CompletionStatus.Missing })];

    /// <summary>
    /// The rubric's tasks part for one account: tasks whose deadline fell in [<see cref="At"/> − window, At], so a
    /// task still open at T is never counted against anyone. Null when no such task was assigned, which makes the
    /// rubric leave the part out and renormalise (domain.md, cluster tasks).
    /// </summary>
    public TaskTally? Tally(string accountId, TimeSpan window)
    {
        var from = At - window;
        int assigned = 0, completed = 0, onTime = 0;
        foreach (var task in Tasks)
        {
            if (task.Deadline < from || task.Deadline > At || Cell(task.Id, accountId) is not { } cell)
                continue;

            assigned++;
            if (cell.IsCompleted)
                completed++;
            if (cell.IsOnTime(task))
                onTime++;
        }

        return assigned == 0 ? null : new TaskTally(assigned, completed, onTime);
    }

    /// <summary><see cref="Tally(string, TimeSpan)"/> for every member that has tasks in the window.</summary>
    public IReadOnlyDictionary<string, TaskTally> Tallies(TimeSpan window)
    {
        var tallies = new Dictionary<string, TaskTally>(StringComparer.Ordinal);
        foreach (var accountId in AccountIds)
        {
            if (Tally(accountId, window) is { } tally)
                tallies[accountId] = tally;
        }

        return tallies;
    }
}
