namespace MediaMatrix.Monitoring.Tasks;

/// <summary>Where an assignee stands on a task at an instant.</summary>
public enum CompletionStatus
{
    /// <summary>No matching post yet (still open if the deadline is after the instant, overdue otherwise).</summary>
    Missing,

    /// <summary>A matching post published between issue time and deadline.</summary>
    OnTime,

    /// <summary>A matching post published after the deadline: completed, not on time.</summary>
    Late,

    /// <summary>Recorded by an operator (<see cref="ManualCompletion"/>); overrides matching.</summary>
    Manual,
}

/// <summary>How a completion was recognised.</summary>
public enum CompletionMatch { None, Link, Title, Manual }

/// <summary>
/// One cell of the completion matrix: the account's standing on the task, the post that completed it and how
/// it matched (<see cref="Similarity"/> is the title score for a title match), or the operator's record.
/// </summary>
public sealed record TaskCompletion(
    string TaskId,
    string AccountId,
    CompletionStatus Status,
    CompletionMatch Match = CompletionMatch.None,
    string? PostId = null,
    double? Similarity = null,
    ManualCompletion? Manual = null)
{
    public bool IsCompleted => Status != CompletionStatus.Missing;

    /// <summary>On time for the rubric: a post by the deadline, or a manual record not shown to be late.</summary>
    public bool IsOnTime(ClusterTask task) => Status switch
    {
        CompletionStatus.OnTime => true,
        CompletionStatus.Manual => Manual?.CompletedAt is not { } at || at <= task.Deadline,
        _ => false,
    };
}
