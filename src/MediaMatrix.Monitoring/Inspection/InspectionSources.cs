using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Inspection;

/// <summary>
/// Inputs other stages own, handed to the inspector as plain functions so the inspector needs none of their types.
/// Each left null means "not available": the tasks or reach part is left out and the weights renormalised.
/// </summary>
public sealed record InspectionSources
{
    /// <summary>Cluster-task matching's tally for the account at T (null: no tasks assigned in the window).</summary>
    public Func<Account, DateTimeOffset, TaskTally?>? Tasks { get; init; }

    /// <summary>
    /// The same for the whole matrix at once, from the posts the inspector has just read (account id → posts, newest
    /// first), so matching reads nothing twice: e.g. <c>CompletionMatrix.Build(tasks, memberIds, posts, manual, at, options).Tallies(window)</c>.
    /// An account missing from the result has no tasks. Used where <see cref="Tasks"/> is null.
    /// </summary>
    public Func<DateTimeOffset, IReadOnlyDictionary<string, IReadOnlyList<Post>>, CancellationToken, Task<IReadOnlyDictionary<string, TaskTally>>>? TaskTallies { get; init; }

    /// <summary>Followers and reads where the platform shows them.</summary>
    public Func<Account, AccountReach?>? Reach { get; init; }
}
