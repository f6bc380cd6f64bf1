using System.Text.Json.Serialization;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>What an alert is about. Serialised in kebab case (<c>became-unqualified</c>); the names are the de-dup key's first part.</summary>
public enum AlertKind
{
    BecameUnqualified, BecameWeak, Zombie, ExtractionBroken, CollectionDown, TaskOverdue, EarlyWarning, TaskReminder, CaseOverdue, PlatformIncident,
}

public enum AlertSeverity { Info, Warning, Critical }

/// <summary>open → acknowledged → resolved. Acknowledged is still open: the condition holds and an operator has seen it.</summary>
public enum AlertStatus { Open, Acknowledged, Resolved }

/// <summary>
/// A stored state change (style habit 12): one episode of a condition on one account or task, from the evaluation that
/// saw it start to the one that saw it clear (or an operator closing it). <see cref="Key"/> is
/// <c>kind:subject:episode</c>, the episode being the opening instant in unix ms; <see cref="Slot"/> (<c>kind:subject</c>)
/// holds at most one open alert at a time, which is what de-duplicates.
/// </summary>
public sealed record Alert(
    string Key,
    AlertKind Kind,
    string Subject,
    AlertSeverity Severity,
    AlertStatus Status,
    string TitleZh,
    string TitleEn,
    DateTimeOffset OpenedAt)
{
    /// <summary>For task alerts: the assignees still missing when it opened; for a platform incident: the accounts failing
    /// when it opened. Empty for account alerts.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The operator who resolved it; null when it resolved itself because the condition cleared.</summary>
    public string? ResolvedBy { get; init; }

    [JsonIgnore]
    public string Slot => SlotOf(Kind, Subject);

    [JsonIgnore]
    public bool IsOpen => Status != AlertStatus.Resolved;

    public static string SlotOf(AlertKind kind, string subject) => $"{AlertKinds.Name(kind)}:{subject}";

    public static string KeyOf(AlertKind kind, string subject, DateTimeOffset openedAt) =>
        $"{SlotOf(kind, subject)}:{openedAt.ToUnixTimeMilliseconds()}";
}
