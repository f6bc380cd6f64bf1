using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// The rules a matrix is judged by (<c>rules:</c>): a named, versioned pack from config/rules (or the matrix's own file),
/// with the matrix's single-number overrides applied, and the holiday calendar. <see cref="Options"/> is shared: a host
/// that adds its operational settings works on a <see cref="AssessmentOptions.Clone"/>.
/// </summary>
public sealed record RulePack(RulePackId Id, AssessmentOptions Options)
{
    /// <summary>The shipped packs, by name (config/rules/*.yaml).</summary>
    public static readonly string[] Shipped = ["national", "weekly-floor", "ten-day-floor"];

    private static readonly Lazy<RulePack> NationalPack = new(() => RulePackReader.LoadShipped("national"));

    /// <summary>The default: the national floor, with the shipped calendar.</summary>
    public static RulePack National => NationalPack.Value;

    public bool Equals(RulePack? other) => other is not null && Id.Equals(other.Id) && ReferenceEquals(Options, other.Options);

    public override int GetHashCode() => Id.GetHashCode();
}
