namespace MediaMatrix.Monitoring.Assessment;

/// <summary>The rubric's numbers (section <c>Assessment</c>); the defaults are domain.md's "default scoring model".</summary>
public sealed class AssessmentOptions
{
    /// <summary>国办秘函〔2019〕19号: no update in the 2 weeks before the monitoring time point is a single veto.</summary>
    public TimeSpan VetoWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>预警: from this age of the last post on, the evaluation warns "veto in N days", so operators hear before an inspection fails.</summary>
    public TimeSpan EarlyWarningAfter { get; set; } = TimeSpan.FromDays(10);

    /// <summary>Without a successful read this recent, the verdict is unknown, never "inactive".</summary>
    public TimeSpan CollectionFreshness { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Expected posts per week: the head daily, members at least weekly.</summary>
    public double HeadPostsPerWeek { get; set; } = 7;

    public double MemberPostsPerWeek { get; set; } = 1;

    /// <summary>How far back the longest silent gap, zombie and dormant look ("long-term operating capacity").</summary>
    public TimeSpan LongTermWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Dormant (休眠): at most this many posts in <see cref="LongTermWindow"/>; zombie (僵尸): none at all.</summary>
    public int DormantMaxPosts { get; set; } = 3;

    /// <summary>A silent gap up to this many expected intervals between posts costs nothing (a member posting weekly may skip a week).</summary>
    public double GapToleranceIntervals { get; set; } = 2;

    public PartWeights Weights { get; set; } = new();

    /// <summary>How diligence splits between this week's count, this month's count and the longest gap; they need not sum to 1.</summary>
    public DiligenceShares Diligence { get; set; } = new();

    /// <summary>How the tasks part splits between tasks completed at all and tasks completed by the deadline (late reposts count as completed, not on time).</summary>
    public double TasksOnTimeShare { get; set; } = 0.5;

    /// <summary>The reach part's score for an account exactly at the matrix median; double the median or more scores 100.</summary>
    public double ReachScoreAtMedian { get; set; } = 60;

    public GradeBounds Grades { get; set; } = new();

    public StabilityOptions Stability { get; set; } = new();

    /// <summary>限期整改: the deadline a rectify disposition sets, from T.</summary>
    public TimeSpan RectifyWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A weak account whose attention/reach part scores below this is proposed for merging rather than rectifying.</summary>
    public double MergeWhenReachBelow { get; set; } = 40;

    /// <summary>Fails fast at start-up with the settings key in the message (style habit 5). Returns the options for chaining.</summary>
    public AssessmentOptions Validate()
    {
        Positive(VetoWindow, "VetoWindow");
        Positive(CollectionFreshness, "CollectionFreshness");
        Positive(LongTermWindow, "LongTermWindow");
        Positive(RectifyWithin, "RectifyWithin");
        Check(EarlyWarningAfter >= TimeSpan.Zero && EarlyWarningAfter <= VetoWindow, "EarlyWarningAfter", EarlyWarningAfter, "must be between 0 and VetoWindow");
        Check(HeadPostsPerWeek > 0, "HeadPostsPerWeek", HeadPostsPerWeek, "must be positive");
        Check(MemberPostsPerWeek > 0, "MemberPostsPerWeek", MemberPostsPerWeek, "must be positive");
        Check(DormantMaxPosts >= 0, "DormantMaxPosts", DormantMaxPosts, "must not be negative");
        Check(Weights.Diligence > 0, "Weights:Diligence", Weights.Diligence, "must be positive: diligence is the one part every account has");
        Check(Weights.Tasks >= 0 && Weights.Reach >= 0, "Weights", $"{Weights.Tasks}/{Weights.Reach}", "Tasks and Reach must not be negative");
        Check(Diligence.Week >= 0 && Diligence.Month >= 0 && Diligence.Gap >= 0 && Diligence.Week + Diligence.Month + Diligence.Gap > 0,
            "Diligence", $"{Diligence.Week}/{Diligence.Month}/{Diligence.Gap}", "shares must not be negative and must not all be 0");
        Check(TasksOnTimeShare is >= 0 and <= 1, "TasksOnTimeShare", TasksOnTimeShare, "must be between 0 and 1");
        Check(ReachScoreAtMedian is >= 0 and <= 100, "ReachScoreAtMedian", ReachScoreAtMedian, "must be between 0 and 100");
        Check(Grades.A >= Grades.B && Grades.B >= Grades.C, "Grades", $"{Grades.A}/{Grades.B}/{Grades.C}", "A must be at least B, and B at least C");
        Check(Stability.SmoothingFactor is > 0 and <= 1, "Stability:SmoothingFactor", Stability.SmoothingFactor, "must be above 0 and at most 1");
        Check(Stability.ConsecutiveEvaluations >= 1, "Stability:ConsecutiveEvaluations", Stability.ConsecutiveEvaluations, "must be at least 1");
        Check(Stability.RecoveryMargin >= 0, "Stability:RecoveryMargin", Stability.RecoveryMargin, "must not be negative");
        Check(Stability.HistoryDepth >= 1, "Stability:HistoryDepth", Stability.HistoryDepth, "must be at least 1");
        Check(Stability.MinimumSpacing >= TimeSpan.Zero, "Stability:MinimumSpacing", Stability.MinimumSpacing, "must not be negative");
        return this;
    }

    private static void Positive(TimeSpan value, string key) => Check(value > TimeSpan.Zero, key, value, "must be positive");

    private static void Check(bool ok, string key, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Assessment:{key}: {value} {rule}");
        }
    }
}

/// <summary>The default weights of domain.md: diligence 40, cluster tasks 30, attention/reach 30. An absent part's weight is shared out.</summary>
public sealed class PartWeights
{
    public double Diligence { get; set; } = 40;

    public double Tasks { get; set; } = 30;

    public double Reach { get; set; } = 30;
}

public sealed class DiligenceShares
{
    public double Week { get; set; } = 0.4;

    public double Month { get; set; } = 0.4;

    public double Gap { get; set; } = 0.2;
}

/// <summary>Lowest published score for each grade; below <see cref="C"/> is D.</summary>
public sealed class GradeBounds
{
    public double A { get; set; } = 85;

    public double B { get; set; } = 70;

    public double C { get; set; } = 60;
}

/// <summary>How the published score and the weak flag resist one bad day (domain.md rule 6).</summary>
public sealed class StabilityOptions
{
    /// <summary>Weight of the newest raw score in the exponentially weighted moving average; 1 publishes raw scores.</summary>
    public double SmoothingFactor { get; set; } = 0.3;

    /// <summary>An evaluation whose own score is below this counts towards weak (弱运营).</summary>
    public double WeakThreshold { get; set; } = 60;

    /// <summary>A weak account must score at least threshold + margin to count towards recovery, so a score hovering at the line cannot flap.</summary>
    public double RecoveryMargin { get; set; } = 5;

    /// <summary>K: consecutive evaluations needed to become weak, and to stop being weak.</summary>
    public int ConsecutiveEvaluations { get; set; } = 3;

    /// <summary>A persisted evaluation is kept only if the account's newest stored one is at least this much older, so the
    /// streaks count days, not however often an evaluation job happens to run (20 h: daily, tolerant of an early firing).</summary>
    public TimeSpan MinimumSpacing { get; set; } = TimeSpan.FromHours(20);

    /// <summary>How many stored evaluations a round reads back (the newest is enough for the average and the streaks).</summary>
    public int HistoryDepth { get; set; } = 5;
}
