using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>The matrix-wide settings (the <c>matrix:</c> section of the config).</summary>
public sealed record MatrixSettings(string Name, TimeZoneInfo TimeZone, bool AllowPrivateNetworks)
{
    /// <summary>The office's addresses for the whole-matrix weekly digest (<c>matrix.digestTo</c>).</summary>
    public IReadOnlyList<string> DigestTo { get; init; } = [];

    // Value equality over the addresses, not the list instance.
    public bool Equals(MatrixSettings? other) =>
        other is not null && Name == other.Name && Equals(TimeZone, other.TimeZone) && AllowPrivateNetworks == other.AllowPrivateNetworks && DigestTo.SequenceEqual(other.DigestTo);

    public override int GetHashCode() => HashCode.Combine(Name, TimeZone, AllowPrivateNetworks, DigestTo.Count);
}

/// <summary>A validated matrix: settings, accounts (exactly one head) and the profiles they use.</summary>
public sealed record MatrixConfig(
    MatrixSettings Matrix,
    IReadOnlyList<Account> Accounts,
    IReadOnlyDictionary<string, Profile> Profiles)
{
    public Account Head => Accounts.Single(a => a.Tier == Tier.Head);

    /// <summary>The member accounts' ids in config order: the assignees of a task that names none.</summary>
    public IReadOnlyList<string> MemberIds => [.. Accounts.Where(a => a.Tier == Tier.Member).Select(a => a.Id)];

    /// <summary>Cluster tasks written in the config (<c>tasks:</c>). Init-only so existing constructor calls stand.</summary>
    public IReadOnlyList<ClusterTask> Tasks { get; init; } = [];

    /// <summary>Keyword rules that make tasks from head posts (<c>taskRules:</c>).</summary>
    public IReadOnlyList<KeywordRule> Rules { get; init; } = [];

    /// <summary>The content checks: lexicons and rules (<c>content:</c>; the shipped starter lexicon when absent).</summary>
    public ContentSettings Content { get; init; } = ContentSettings.Default;

    /// <summary>The rule pack that judges the matrix (<c>rules:</c>; the national pack when absent).</summary>
    public RulePack Pack { get; init; } = RulePack.National;

    /// <summary>The filed accounts (<c>registry:</c>, imported by <c>mediamatrix registry</c>); null when the matrix names no registry file.</summary>
    public MatrixRegistry? Registry { get; init; }
}
