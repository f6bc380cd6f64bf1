namespace MediaMatrix.Monitoring.Assessment;

/// <summary>The rubric's numbers (section <c>Assessment</c>); the defaults are domain.md's.</summary>
public sealed class AssessmentOptions
{
    /// <summary>国办秘函〔2019〕19号: no update in the 2 weeks before the monitoring time point is a single veto.</summary>
    public TimeSpan VetoWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Without a successful read this recent, the verdict is unknown, never "inactive".</summary>
    public TimeSpan CollectionFreshness { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Expected posts per week: the head daily, members at least weekly.</summary>
    public double HeadPostsPerWeek { get; set; } = 7;

    public double MemberPostsPerWeek { get; set; } = 1;
}
