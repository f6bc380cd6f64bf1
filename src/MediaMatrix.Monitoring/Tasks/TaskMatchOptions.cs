namespace MediaMatrix.Monitoring.Tasks;

/// <summary>The numbers of task matching and tallying (docs/tasks.md explains each).</summary>
public sealed record TaskMatchOptions
{
    /// <summary>Minimum Dice similarity of title bigrams for a title match (domain.md: default 0.6).</summary>
    public double TitleSimilarity { get; init; } = 0.6;

    /// <summary>The rubric counts tasks whose deadline fell in this window before T (domain.md: the last 30 days).</summary>
    public TimeSpan TallyWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public TaskMatchOptions Validate()
    {
        SettingRules.Check(TitleSimilarity is > 0 and <= 1, "Tasks:TitleSimilarity", TitleSimilarity, "must be above 0 and at most 1");
        SettingRules.Positive(TallyWindow, "Tasks:TallyWindow");
        return this;
    }
}
