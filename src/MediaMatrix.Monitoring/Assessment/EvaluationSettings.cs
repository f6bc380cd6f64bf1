namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// The operational part of evaluation (settings section <c>Assessment</c>): how fresh a read must be, and how the history
/// behind the stability rule is kept. The rubric's numbers are not here: they are the matrix's rule pack (config/rules).
/// </summary>
public sealed class EvaluationSettings
{
    /// <summary>The rule keys that once lived in this section and now belong to a rule pack: a host that still sets one
    /// stops with the key named, instead of judging by a number nobody reads.</summary>
    public static readonly string[] RuleKeys =
    [
        "VetoWindow", "EarlyWarningAfter", "EarlyWarningWorkingDays", "HeadPostsPerWeek", "MemberPostsPerWeek", "LongTermWindow",
        "DormantMaxPosts", "GapToleranceIntervals", "Weights", "Diligence", "TasksOnTimeShare", "ReachScoreAtMedian", "Grades",
        "RectifyWithin", "MergeWhenReachBelow", "Dormancy", "Vetoes",
    ];

    /// <summary>Without a successful read this recent, the verdict is unknown, never "inactive".</summary>
    public TimeSpan CollectionFreshness { get; set; } = TimeSpan.FromHours(24);

    public StabilityBookkeeping Stability { get; set; } = new();

    public EvaluationSettings Validate()
    {
        if (CollectionFreshness <= TimeSpan.Zero)
            throw new ArgumentException($"Assessment:CollectionFreshness: {CollectionFreshness} must be positive");
        if (Stability.MinimumSpacing < TimeSpan.Zero)
            throw new ArgumentException($"Assessment:Stability:MinimumSpacing: {Stability.MinimumSpacing} must not be negative");
        if (Stability.HistoryDepth < 1)
            throw new ArgumentException($"Assessment:Stability:HistoryDepth: {Stability.HistoryDepth} must be at least 1");
        return this;
    }

    /// <summary>The pack's options for this host: a copy with these settings applied.</summary>
    public AssessmentOptions ApplyTo(AssessmentOptions pack)
    {
        var options = pack.Clone();
        options.CollectionFreshness = CollectionFreshness;
        options.Stability.MinimumSpacing = Stability.MinimumSpacing;
        options.Stability.HistoryDepth = Stability.HistoryDepth;
        return options;
    }
}

/// <summary>How often an evaluation is kept for the stability streaks, and how many are read back.</summary>
public sealed class StabilityBookkeeping
{
    public TimeSpan MinimumSpacing { get; set; } = TimeSpan.FromHours(20);

    public int HistoryDepth { get; set; } = 5;
}
