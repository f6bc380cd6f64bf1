namespace MediaMatrix.Monitoring.Alerts;

/// <summary>The fixed facts of each kind: its stable name (keys, metrics labels) and its severity.</summary>
public static class AlertKinds
{
    public static string Name(AlertKind kind) => kind switch
    {
        AlertKind.BecameUnqualified => "became-unqualified",
        AlertKind.BecameWeak => "became-weak",
        AlertKind.Zombie => "zombie",
        AlertKind.ExtractionBroken => "extraction-broken",
        AlertKind.CollectionDown => "collection-down",
        AlertKind.TaskOverdue => "task-overdue",
        AlertKind.EarlyWarning => "early-warning",
        AlertKind.TaskReminder => "task-reminder",
        AlertKind.CaseOverdue => "case-overdue",
        AlertKind.PlatformIncident => "platform-incident",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Critical: an inspection has failed or would name the account for closure. Warning: act before it fails, or we
    // are blind. Info: a nudge that needs no one's decision.
    public static AlertSeverity Severity(AlertKind kind) => kind switch
    {
        AlertKind.BecameUnqualified or AlertKind.Zombie or AlertKind.TaskOverdue => AlertSeverity.Critical,
        AlertKind.TaskReminder => AlertSeverity.Info,
        _ => AlertSeverity.Warning,
    };
}
