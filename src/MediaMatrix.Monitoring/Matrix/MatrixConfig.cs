namespace MediaMatrix.Monitoring.Matrix;

/// <summary>The matrix-wide settings (the <c>matrix:</c> section of the config).</summary>
public sealed record MatrixSettings(string Name, TimeZoneInfo TimeZone, bool AllowPrivateNetworks);

/// <summary>A validated matrix: settings, accounts (exactly one head) and the profiles they use.</summary>
public sealed record MatrixConfig(
    MatrixSettings Matrix,
    IReadOnlyList<Account> Accounts,
    IReadOnlyDictionary<string, Profile> Profiles)
{
    public Account Head => Accounts.Single(a => a.Tier == Tier.Head);
}
