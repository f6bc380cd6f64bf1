using MediaMatrix.Monitoring.Calendar;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// The rubric's numbers. They come from the matrix's rule pack (config/rules/*.yaml, read by <c>RulePackReader</c>); the
/// defaults here are the <c>national</c> pack's, so code and tests that build options by hand judge as the default pack
/// does. Only <see cref="CollectionFreshness"/> and the stability bookkeeping are operational settings (<c>Assessment</c>).
/// There is no popularity anywhere here: follows, likes, reposts and comments are not a basis of assessment (2023 opinions).
/// </summary>
public sealed class AssessmentOptions
{
    /// <summary>Which pack (and version) these numbers come from: every report names it.</summary>
    public RulePackId Pack { get; set; } = RulePackId.National;

    /// <summary>Statutory holidays and make-up working days for the early warning (the shipped calendar by default).</summary>
    public WorkingCalendar Calendar { get; set; } = CalendarLoader.Shipped;

    /// <summary>国办秘函〔2019〕19号: no update in the 2 weeks before the monitoring time point is a single veto.</summary>
    public TimeSpan VetoWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>预警: from this age of the last post on, the evaluation warns "veto in N days", so operators hear before an inspection fails.</summary>
    public TimeSpan EarlyWarningAfter { get; set; } = TimeSpan.FromDays(10);

    /// <summary>预警 in working days: warn when the veto would strike within this many working days (today included, the day
    /// it strikes not), so a long holiday cannot swallow the warning. 0 turns the working-day rule off.</summary>
    public int EarlyWarningWorkingDays { get; set; } = 4;

    /// <summary>Without a successful read this recent, the verdict is unknown, never "inactive".</summary>
    public TimeSpan CollectionFreshness { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Expected posts per week: the head daily, members at least weekly.</summary>
    public double HeadPostsPerWeek { get; set; } = 7;

    public double MemberPostsPerWeek { get; set; } = 1;

    /// <summary>The dormancy tiers (warning, dormant, zombie candidate).</summary>
    public DormancyTiers Dormancy { get; set; } = new();

    /// <summary>How far back the longest silent gap and the sporadic count look ("long-term operating capacity"): the zombie line.</summary>
    public TimeSpan LongTermWindow => Dormancy.Zombie;

    /// <summary>Which of 19号's other single vetoes the pack applies.</summary>
    public VetoRules Vetoes { get; set; } = new();

    /// <summary>A silent gap up to this many expected intervals between posts costs nothing (a member posting weekly may skip a week).</summary>
    public double GapToleranceIntervals { get; set; } = 2;

    public PartWeights Weights { get; set; } = new();

    /// <summary>How diligence splits between this week's count, this month's count and the longest gap; they need not sum to 1.</summary>
    public DiligenceShares Diligence { get; set; } = new();

    /// <summary>How the tasks part splits between tasks completed at all and tasks completed by the deadline (late reposts count as completed, not on time).</summary>
    public double TasksOnTimeShare { get; set; } = 0.5;

    public GradeBounds Grades { get; set; } = new();

    public StabilityOptions Stability { get; set; } = new();

    /// <summary>限期整改: the deadline a rectify disposition sets, from T.</summary>
    public TimeSpan RectifyWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Fails fast at start-up with the settings key in the message (style habit 5). Returns the options for chaining.</summary>
    public AssessmentOptions Validate()
    {
        Positive(VetoWindow, "VetoWindow");
        Positive(CollectionFreshness, "CollectionFreshness");
        Positive(Dormancy.Warning, "Dormancy:Warning");
        Check(Dormancy.Warning < Dormancy.Dormant && Dormancy.Dormant <= Dormancy.Zombie, "Dormancy", $"{Dormancy.Warning}/{Dormancy.Dormant}/{Dormancy.Zombie}", "must rise: warning < dormant <= zombie");
        Check(Dormancy.SporadicPosts >= 0, "Dormancy:SporadicPosts", Dormancy.SporadicPosts, "must not be negative");
        Check(EarlyWarningWorkingDays >= 0, "EarlyWarningWorkingDays", EarlyWarningWorkingDays, "must not be negative");
        Positive(RectifyWithin, "RectifyWithin");
        Check(EarlyWarningAfter >= TimeSpan.Zero && EarlyWarningAfter <= VetoWindow, "EarlyWarningAfter", EarlyWarningAfter, "must be between 0 and VetoWindow");
        Check(HeadPostsPerWeek > 0, "HeadPostsPerWeek", HeadPostsPerWeek, "must be positive");
        Check(MemberPostsPerWeek > 0, "MemberPostsPerWeek", MemberPostsPerWeek, "must be positive");
        Check(Weights.Diligence > 0, "Weights:Diligence", Weights.Diligence, "must be positive: diligence is the one part every account has");
        Check(Weights.Tasks >= 0, "Weights:Tasks", Weights.Tasks, "must not be negative");
        Check(Diligence.Week >= 0 && Diligence.Month >= 0 && Diligence.Gap >= 0 && Diligence.Week + Diligence.Month + Diligence.Gap > 0,
            "Diligence", $"{Diligence.Week}/{Diligence.Month}/{Diligence.Gap}", "shares must not be negative and must not all be 0");
        Check(TasksOnTimeShare is >= 0 and <= 1, "TasksOnTimeShare", TasksOnTimeShare, "must be between 0 and 1");
        Check(Grades.A >= Grades.B && Grades.B >= Grades.C, "Grades", $"{Grades.A}/{Grades.B}/{Grades.C}", "A must be at least B, and B at least C");
        Check(Stability.SmoothingFactor is > 0 and <= 1, "Stability:SmoothingFactor", Stability.SmoothingFactor, "must be above 0 and at most 1");
        Check(Stability.ConsecutiveEvaluations >= 1, "Stability:ConsecutiveEvaluations", Stability.ConsecutiveEvaluations, "must be at least 1");
        Check(Stability.RecoveryMargin >= 0, "Stability:RecoveryMargin", Stability.RecoveryMargin, "must not be negative");
        Check(Stability.HistoryDepth >= 1, "Stability:HistoryDepth", Stability.HistoryDepth, "must be at least 1");
        Check(Stability.MinimumSpacing >= TimeSpan.Zero, "Stability:MinimumSpacing", Stability.MinimumSpacing, "must not be negative");
        return this;
    }

    /// <summary>A deep copy: the pack's options are shared, the copy is the one a host adjusts with its settings.</summary>
    public AssessmentOptions Clone()
    {
        var copy = (AssessmentOptions)MemberwiseClone();
        copy.Dormancy = Dormancy with { };
        copy.Vetoes = Vetoes with { };
        copy.Weights = new PartWeights { Diligence = Weights.Diligence, Tasks = Weights.Tasks };
        copy.Diligence = new DiligenceShares { Week = Diligence.Week, Month = Diligence.Month, Gap = Diligence.Gap };
        copy.Grades = new GradeBounds { A = Grades.A, B = Grades.B, C = Grades.C };
        copy.Stability = new StabilityOptions
        {
            SmoothingFactor = Stability.SmoothingFactor,
            WeakThreshold = Stability.WeakThreshold,
            RecoveryMargin = Stability.RecoveryMargin,
            ConsecutiveEvaluations = Stability.ConsecutiveEvaluations,
            MinimumSpacing = Stability.MinimumSpacing,
            HistoryDepth = Stability.HistoryDepth,
        };
        return copy;
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

/// <summary>The national pack's weights: diligence 40, cluster tasks 30 (attention and reach are not scored). An absent
/// part's weight is shared out.</summary>
public sealed class PartWeights
{
    public double Diligence { get; set; } = 40;

    public double Tasks { get; set; } = 30;
}

/// <summary>
/// How long a silence puts an account in each tier (domain.md rule 7, the pack's <c>dormancy</c>): <see cref="Warning"/> at
/// the veto line, <see cref="Dormant"/> (休眠) after two months — or with no more than <see cref="SporadicPosts"/> posts in
/// the zombie window —, <see cref="Zombie"/> (僵尸, a closure candidate) after three.
/// </summary>
public sealed record DormancyTiers
{
    public TimeSpan Warning { get; init; } = TimeSpan.FromDays(14);

    public TimeSpan Dormant { get; init; } = TimeSpan.FromDays(60);

    public TimeSpan Zombie { get; init; } = TimeSpan.FromDays(90);

    public int SporadicPosts { get; init; } = 3;
}

/// <summary>The single vetoes besides silence that a pack applies: confirmed content findings and operators' manual findings.</summary>
public sealed record VetoRules
{
    public bool Content { get; init; } = true;

    public bool Manual { get; init; } = true;
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
