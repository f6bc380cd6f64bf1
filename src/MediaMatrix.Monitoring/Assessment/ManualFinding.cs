namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// A veto cause a public feed cannot show (a security or leak incident, a serious error in published text, no working way to
/// interact), entered by an operator. Active from <see cref="At"/> until <see cref="ClearedAt"/>; while active it vetoes like silence does.
/// </summary>
public sealed record ManualFinding(string AccountId, string Kind, string Note, DateTimeOffset At, DateTimeOffset? ClearedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => At <= now && (ClearedAt is null || ClearedAt > now);
}
