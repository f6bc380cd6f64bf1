using System.Runtime.InteropServices;
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
        var matching = new AccountMatching(new ReducedTasks(included, options));
        var pending = new List<int>();
        var results = new TaskCompletion[included.Count];
        foreach (var (accountId, owed) in Owed(included, memberIds))
        {
            // One pass over the account's posts for all the tasks it owes; a manual record settles its task without one.
            pending.Clear();
            foreach (var task in owed)
            {
                if (recorded.GetValueOrDefault((included[task].Id, accountId)) is { } record)
                    cells[(included[task].Id, accountId)] = new TaskCompletion(included[task].Id, accountId, CompletionStatus.Manual, CompletionMatch.Manual, Manual: record);
                else
                    pending.Add(task);
            }

            if (pending.Count == 0)
                continue;

            var posts = postsByAccount.GetValueOrDefault(accountId) ?? [];
            matching.Match(accountId, posts, CollectionsMarshal.AsSpan(pending), at, results);
            for (var j = 0; j < pending.Count; j++)
                cells[(included[pending[j]].Id, accountId)] = results[j];
        }

        return new CompletionMatrix(at, included, memberIds, cells);
    }

    /// <summary>
    /// Each assignee with the tasks it owes (indexes into <paramref name="tasks"/>, in task order, each once). Tasks for
    /// every member share one list, so a matrix of 10,000 members with all-member tasks builds no list per member.
    /// </summary>
    private static IEnumerable<(string AccountId, List<int> Owed)> Owed(List<ClusterTask> tasks, IReadOnlyList<string> memberIds)
    {
        var everyone = new List<int>();
        var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < tasks.Count; t++)
        {
            if (tasks[t].Assignees.Count == 0)
            {
                everyone.Add(t);
                continue;
            }

            foreach (var accountId in tasks[t].Assignees)
            {
                if (!named.TryGetValue(accountId, out var owed))
                    named[accountId] = owed = [];
                if (owed.Count == 0 || owed[^1] != t)
                    owed.Add(t);
            }
        }

        var members = new HashSet<string>(memberIds, StringComparer.Ordinal);
        foreach (var accountId in members)
        {
            yield return (accountId, named.TryGetValue(accountId, out var own) ? [.. everyone.Union(own).Order()] : everyone);
        }

        // Named assignees outside the members still owe their tasks.
        foreach (var (accountId, owed) in named)
        {
            if (!members.Contains(accountId))
                yield return (accountId, owed);
        }
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
