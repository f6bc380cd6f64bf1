using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// Everything the rubric reads about one account at T. Only the account, its posts and its poll state are required;
/// each optional input left out removes its part (tasks, reach) or its effect (findings, history) and the reasons say so.
/// </summary>
public sealed record AssessmentInput(Account Account, IReadOnlyList<Post> Posts, PollState? Poll)
{
    /// <summary>From cluster-task matching; null when the account had no tasks due in the window.</summary>
    public TaskTally? Tasks { get; init; }

    public AccountReach? Reach { get; init; }

    public MatrixReach? MatrixReach { get; init; }

    /// <summary>Operators' findings; only active ones for this account veto.</summary>
    public IReadOnlyList<ManualFinding> Findings { get; init; } = [];

    /// <summary>The account's stored evaluations, newest first, for the smoothed score and the weak streaks.</summary>
    public IReadOnlyList<EvaluationRecord> History { get; init; } = [];
}
