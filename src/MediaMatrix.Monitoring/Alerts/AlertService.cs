using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>
/// Stores the alert changes an evaluation round found, and carries operators' actions (acknowledge, resolve, note) into
/// the store with who and when. Every write is idempotent in the store, so a job re-fired for the same round, or two
/// instances racing, open each alert once.
/// </summary>
public sealed class AlertService(IAlertStore store, TimeProvider time, IEnumerable<IAlertListener>? listeners = null)
{
    /// <summary>Opens and resolves what the rules found; returns what this call really changed (another instance may
    /// have got there first) and tells the listeners.</summary>
    public async Task<AlertChanges> ApplyAsync(AlertChanges changes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var opened = new List<Alert>();
        foreach (var alert in changes.Opened)
        {
            if (await store.OpenAlertAsync(alert, cancellationToken).ConfigureAwait(false))
                opened.Add(alert);
        }

        var resolved = new List<Alert>();
        foreach (var alert in changes.Resolved)
        {
            var entry = new AlertAuditEntry(alert.Key, AlertAction.Resolved, at, null, "condition cleared");
            if (await store.UpdateOpenAlertAsync(alert, entry, cancellationToken).ConfigureAwait(false))
                resolved.Add(alert);
        }

        var applied = opened.Count == 0 && resolved.Count == 0 ? AlertChanges.None : new AlertChanges(opened, resolved);
        foreach (var listener in listeners ?? [])
            listener.Applied(applied);
        return applied;
    }

    /// <summary>An operator has seen it. False when the alert is unknown, resolved, or already acknowledged.</summary>
    public async Task<bool> AcknowledgeAsync(string key, string by, string? note, CancellationToken cancellationToken)
    {
        var alert = await store.GetAlertAsync(key, cancellationToken).ConfigureAwait(false);
        if (alert is not { Status: AlertStatus.Open })
            return false;

        var now = time.GetUtcNow();
        var acknowledged = alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = by, AcknowledgedAt = now };
        return await store.UpdateOpenAlertAsync(acknowledged, new AlertAuditEntry(key, AlertAction.Acknowledged, now, by, note), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An operator closes it by hand (e.g. the account is being closed anyway). If the condition still holds, the
    /// next evaluation opens a new episode: the rules do not know why a person closed it.</summary>
    public async Task<bool> ResolveAsync(string key, string by, string reason, CancellationToken cancellationToken)
    {
        var alert = await store.GetAlertAsync(key, cancellationToken).ConfigureAwait(false);
        if (alert is not { IsOpen: true })
            return false;

        var now = time.GetUtcNow();
        var resolved = alert with { Status = AlertStatus.Resolved, ResolvedAt = now, ResolvedBy = by };
        return await store.UpdateOpenAlertAsync(resolved, new AlertAuditEntry(key, AlertAction.Resolved, now, by, reason), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a note to any kept alert, open or resolved.</summary>
    public Task<bool> AddNoteAsync(string key, string by, string text, CancellationToken cancellationToken) =>
        store.AppendAlertNoteAsync(new AlertAuditEntry(key, AlertAction.Note, time.GetUtcNow(), by, text), cancellationToken);
}
