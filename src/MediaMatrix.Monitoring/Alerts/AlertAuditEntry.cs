namespace MediaMatrix.Monitoring.Alerts;

public enum AlertAction { Opened, Acknowledged, Resolved, Note }

/// <summary>One line of an alert's append-only audit trail. <see cref="By"/> is null for the system (rules opening or
/// auto-resolving); an operator's name otherwise.</summary>
public sealed record AlertAuditEntry(string AlertKey, AlertAction Action, DateTimeOffset At, string? By, string? Text);
