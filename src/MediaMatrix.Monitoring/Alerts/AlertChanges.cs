namespace MediaMatrix.Monitoring.Alerts;

/// <summary>What one run of the rules changes: alerts to open, and open alerts now resolved (with their resolved state).</summary>
public sealed record AlertChanges(IReadOnlyList<Alert> Opened, IReadOnlyList<Alert> Resolved)
{
    public static readonly AlertChanges None = new([], []);

    public bool IsEmpty => Opened.Count == 0 && Resolved.Count == 0;
}
