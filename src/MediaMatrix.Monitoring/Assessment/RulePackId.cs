namespace MediaMatrix.Monitoring.Assessment;

/// <summary>Names the rule pack that judged a report: its name, version and title, and the numbers a matrix overrode.</summary>
public sealed record RulePackId(string Name, string Version, string Title, string TitleEn)
{
    public static RulePackId National { get; } = new("national", "2026.1", "全国基线（国办秘函〔2019〕19号）", "National floor (State Council General Office letter 2019 No. 19)");

    /// <summary>The rule keys the matrix set itself (rules.overrides), in the order written.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>"national 2026.1", with "+ overrides: vetoWindow" when the matrix changed single numbers.</summary>
    public string Label => Overrides.Count == 0 ? $"{Name} {Version}" : $"{Name} {Version} + {string.Join(", ", Overrides)}";

    public bool Equals(RulePackId? other) =>
        other is not null && Name == other.Name && Version == other.Version && Title == other.Title && Overrides.SequenceEqual(other.Overrides);

    public override int GetHashCode() => HashCode.Combine(Name, Version, Overrides.Count);
}
