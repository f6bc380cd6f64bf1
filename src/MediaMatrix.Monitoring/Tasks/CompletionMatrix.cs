using System.Runtime.InteropServices;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Accounts × tasks at an instant: a cell for every (task, assignee) pair, none where an account was not assigned.
/// The office reads it as "who still owes what"; <see cref="Tally"/> turns it into the rubric's numbers.
/// </summary>
public sealed class CompletionMatrix
{
    // One row per assignee, one slot per task (by its index in Tasks; null where the task is not the account's), so a
    // 10,000-member matrix keys 10,000 rows, not every (task, account) pair.
    private readonly Dictionary<string, TaskCompletion?[]> rows;

    // Task id → indexes of the tasks with that id, last first: ids should be unique, but where two tasks share one the
    // later task's cell is the one shown, as it always was.
    private readonly Dictionary<string, int[]> indexesById;

    private CompletionMatrix(DateTimeOffset at, IReadOnlyList<ClusterTask> tasks, IReadOnlyList<string> accountIds,
        Dictionary<string, TaskCompletion?[]> rows)
    {
        At = at;
        Tasks = tasks;
        AccountIds = accountIds;
        this.rows = rows;
        indexesById = Enumerable.Range(0, tasks.Count).GroupBy(t => tasks[t].Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Reverse().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>No tasks, no accounts.</summary>
    public static readonly CompletionMatrix Empty = new(default, [], [], new Dictionary<string, TaskCompletion?[]>(StringComparer.Ordinal));

    /// <summary>The instant the matrix describes.</summary>
    public DateTimeOffset At { get; }

    public IReadOnlyList<ClusterTask> Tasks { get; }

    /// <summary>The member accounts, in the order given.</summary>
    public IReadOnlyList<string> AccountIds { get; }

    /// <summary>
    /// Matches every assignee of every task. <paramref name="postsByAccount"/> holds each member's posts (any order;
    /// an absent account has none); <paramref name="manual"/> the operators' records. Tasks issued after
    /// <paramref name="at"/> are left out: they did not exist yet. The whole-matrix form of <see cref="Builder"/>.
    /// </summary>
    public static CompletionMatrix Build(
        IEnumerable<ClusterTask> tasks,
        IReadOnlyList<string> memberIds,
        IReadOnlyDictionary<string, IReadOnlyList<Post>> postsByAccount,
        IEnumerable<ManualCompletion> manual,
        DateTimeOffset at,
        TaskMatchOptions options)
    {
        var builder = new Builder(tasks, memberIds, manual, at, options);
        foreach (var (accountId, posts) in postsByAccount)
            builder.Add(accountId, posts);
        return builder.Build();
    }

    /// <summary>
    /// Builds the matrix one account at a time, so an evaluation round holds one account's posts, not the matrix's:
    /// <see cref="Add"/> matches an account's posts against every task it owes and keeps only the cells; an assignee
    /// never added has no posts. Not thread-safe.
    /// </summary>
    public sealed class Builder
    {
        private readonly DateTimeOffset at;
        private readonly List<ClusterTask> included;
        private readonly IReadOnlyList<string> memberIds;
        private readonly Dictionary<(string, string), ManualCompletion> recorded = [];
        private readonly Dictionary<string, List<int>> owedBy;
        private readonly Dictionary<string, TaskCompletion?[]> rows;
        private readonly AccountMatching matching;
        private readonly List<int> pending = [];
        private readonly TaskCompletion[] results;
        private readonly CompletionMatrix built;

        public Builder(IEnumerable<ClusterTask> tasks, IReadOnlyList<string> memberIds, IEnumerable<ManualCompletion> manual, DateTimeOffset at,
            TaskMatchOptions options)
        {
            this.at = at;
            this.memberIds = memberIds;
            foreach (var record in manual)
                recorded[(record.TaskId, record.AccountId)] = record;

            included = [.. tasks.Where(t => t.Issued <= at)];
            owedBy = Owed(included, memberIds);
            rows = new Dictionary<string, TaskCompletion?[]>(owedBy.Count, StringComparer.Ordinal);
            matching = new AccountMatching(new ReducedTasks(included, options));
            results = new TaskCompletion[included.Count];
            built = new CompletionMatrix(at, included, memberIds, rows);
        }

        /// <summary>The tasks that existed at the instant (issued by then), in the order given.</summary>
        public IReadOnlyList<ClusterTask> Tasks => included;

        /// <summary>Matches the account's posts (any order; <paramref name="newestFirst"/>: dated and newest first, as the
        /// store gives them, which lets matching skip what cannot count) against the tasks it owes; an account that owes
        /// none is ignored. Adding an account again replaces its row.</summary>
        public void Add(string accountId, IReadOnlyList<Post> posts, bool newestFirst = false)
        {
            if (!owedBy.TryGetValue(accountId, out var owed) || owed.Count == 0)
                return;

            // One pass over the account's posts for all the tasks it owes; a manual record settles its task without one.
            var row = new TaskCompletion?[included.Count];
            pending.Clear();
            foreach (var task in owed)
            {
                if (recorded.Count > 0 && recorded.GetValueOrDefault((included[task].Id, accountId)) is { } record)
                    row[task] = new TaskCompletion(included[task].Id, accountId, CompletionStatus.Manual, CompletionMatch.Manual, Manual: record);
                else
                    pending.Add(task);
            }

            if (pending.Count > 0)
            {
                matching.Match(accountId, posts, CollectionsMarshal.AsSpan(pending), at, results, newestFirst);
                for (var j = 0; j < pending.Count; j++)
                    row[pending[j]] = results[j];
            }

            rows[accountId] = row;
        }

        /// <summary>The rubric's tasks part for an account already added (<see cref="CompletionMatrix.Tally"/>).</summary>
        public TaskTally? Tally(string accountId, TimeSpan window) => built.Tally(accountId, window);

        /// <summary>The matrix: every assignee not added is matched as having no posts.</summary>
        public CompletionMatrix Build()
        {
            foreach (var accountId in owedBy.Keys)
            {
                if (!rows.ContainsKey(accountId))
                    Add(accountId, []);
            }

            return built;
        }
    }

    /// <summary>The account's standing on the task, or null when the task is not assigned to it.</summary>
    public TaskCompletion? Cell(string taskId, string accountId) =>
        rows.TryGetValue(accountId, out var row) && indexesById.TryGetValue(taskId, out var indexes) ? CellIn(row, indexes) : null;

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
        if (!rows.TryGetValue(accountId, out var row))
            return null;

        var from = At - window;
        int assigned = 0, completed = 0, onTime = 0;
        for (var t = 0; t < Tasks.Count; t++)
        {
            var task = Tasks[t];
            if (task.Deadline < from || task.Deadline > At || CellIn(row, indexesById[task.Id]) is not { } cell)
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

    private static TaskCompletion? CellIn(TaskCompletion?[] row, int[] lastFirst)
    {
        foreach (var t in lastFirst)
        {
            if (row[t] is { } cell)
                return cell;
        }

        return null;
    }

    /// <summary>
    /// Each assignee with the tasks it owes (indexes into <paramref name="tasks"/>, in task order, each once). Tasks for
    /// every member share one list, so a matrix of 10,000 members with all-member tasks builds no list per member.
    /// Named assignees outside the members still owe their tasks.
    /// </summary>
    private static Dictionary<string, List<int>> Owed(List<ClusterTask> tasks, IReadOnlyList<string> memberIds)
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

        var owedBy = new Dictionary<string, List<int>>(memberIds.Count + named.Count, StringComparer.Ordinal);
        foreach (var accountId in memberIds)
            owedBy[accountId] = named.TryGetValue(accountId, out var own) ? [.. everyone.Union(own).Order()] : everyone;
        foreach (var (accountId, owed) in named)
            owedBy.TryAdd(accountId, owed);
        return owedBy;
    }
}
