using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// Everything the rubric reads about one account at T. Only the account, its posts and its poll state are required;
/// each optional input left out removes its part (tasks, reach) or its effect (findings, history) and the reasons say so.
/// </summary>
public sealed record AssessmentInput(Account Account, IReadOnlyList<Post> Posts, PollState? Poll)
{
    private readonly IReadOnlyList<Post> posts = Posts;
    private readonly PublicationTimes times = PublicationTimes.Of(Posts);

    public IReadOnlyList<Post> Posts
    {
        get => posts;
        init
        {
            posts = value;
            times = PublicationTimes.Of(value);
        }
    }

    /// <summary>The posts' publication instants, sorted once here when the posts are handed over (and again only if
    /// <see cref="Posts"/> is replaced), so evaluating the same input at several instants or with other tasks reuses them.
    /// An evaluation round sets them straight from the store's timeline scores (no posts: the frequency part needs none).</summary>
    public PublicationTimes Times
    {
        get => times;
        init => times = value;
    }

    /// <summary>From cluster-task matching; null when the account had no tasks due in the window.</summary>
    public TaskTally? Tasks { get; init; }

    /// <summary>The matrix's zone: the early warning counts working days as the office's calendar has them.</summary>
    public TimeZoneInfo Zone { get; init; } = DefaultZone;

    /// <summary>Another account of the same unit (on the same platform first), which a weak one may be merged into:
    /// merge proposals rest on overlap and activity, never on followers.</summary>
    public Account? Overlapping { get; init; }

    /// <summary>Operators' findings; only active ones for this account veto.</summary>
    public IReadOnlyList<ManualFinding> Findings { get; init; } = [];

    /// <summary>The account's stored evaluations, newest first, for the smoothed score and the weak streaks.</summary>
    public IReadOnlyList<EvaluationRecord> History { get; init; } = [];

    private static TimeZoneInfo DefaultZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(MatrixConfigLoader.DefaultTimeZone);
}
