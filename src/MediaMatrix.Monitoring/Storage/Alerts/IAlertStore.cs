using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Alerts and their audit trails. Open alerts are kept until they resolve; a resolved one (with its trail) for
/// <c>resolvedRetention</c> (docs/redis-keys.md). Every write is idempotent: applying it twice changes nothing more.</summary>
public interface IAlertStore
{
    /// <summary>Opens the alert and appends its "opened" audit entry. False (and nothing written) when its slot
    /// (kind + subject) already holds an open alert, or this very alert was opened before.</summary>
    Task<bool> OpenAlertAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>Replaces an open alert with <paramref name="updated"/> (acknowledged, or resolved: then it leaves the open
    /// set and starts its retention) and appends <paramref name="entry"/>. False when the alert is no longer open or is
    /// already exactly <paramref name="updated"/>.</summary>
    Task<bool> UpdateOpenAlertAsync(Alert updated, AlertAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends an operator's note to an existing alert's trail. False when the alert is unknown, or the same
    /// entry is already the last one (a retried request).</summary>
    Task<bool> AppendAlertNoteAsync(AlertAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Open and acknowledged alerts, oldest first (ties by key).</summary>
    Task<IReadOnlyList<Alert>> GetOpenAlertsAsync(CancellationToken cancellationToken);

    /// <summary>Resolved alerts still kept, resolved at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<Alert>> GetResolvedAlertsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    Task<Alert?> GetAlertAsync(string key, CancellationToken cancellationToken);

    /// <summary>The alert's audit trail in the order written.</summary>
    Task<IReadOnlyList<AlertAuditEntry>> GetAlertAuditAsync(string key, CancellationToken cancellationToken);
}
