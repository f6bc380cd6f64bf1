using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Alerts in process, with the Redis store's rules: one open alert per slot, idempotent writes, trails in order.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock alertGate = new();
    private readonly Dictionary<string, string> openSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alert> alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AlertAuditEntry>> alertAudit = new(StringComparer.Ordinal);

    public Task<bool> OpenAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            if (openSlots.ContainsKey(alert.Slot) || alerts.ContainsKey(alert.Key))
                return Task.FromResult(false);

            openSlots[alert.Slot] = alert.Key;
            alerts[alert.Key] = alert;
            alertAudit[alert.Key] = [new AlertAuditEntry(alert.Key, AlertAction.Opened, alert.OpenedAt, null, alert.TitleEn)];
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateOpenAlertAsync(Alert updated, AlertAuditEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            if (openSlots.GetValueOrDefault(updated.Slot) != updated.Key || alerts[updated.Key] == updated)
                return Task.FromResult(false);

            if (!updated.IsOpen)
                openSlots.Remove(updated.Slot);
            alerts[updated.Key] = updated;
            alertAudit[updated.Key].Add(entry);
            return Task.FromResult(true);
        }
    }

    public Task<bool> AppendAlertNoteAsync(AlertAuditEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            if (!alertAudit.TryGetValue(entry.AlertKey, out var trail) || trail[^1] == entry)
                return Task.FromResult(false);

            trail.Add(entry);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Alert>> GetOpenAlertsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            IReadOnlyList<Alert> open = [.. openSlots.Values.Select(k => alerts[k]).OrderBy(a => a.OpenedAt).ThenBy(a => a.Key, StringComparer.Ordinal)];
            return Task.FromResult(open);
        }
    }

    public Task<IReadOnlyList<Alert>> GetResolvedAlertsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            IReadOnlyList<Alert> resolved = [.. alerts.Values
                .Where(a => a.ResolvedAt is { } at && at.ToUnixTimeMilliseconds() >= since.ToUnixTimeMilliseconds())
                .OrderByDescending(a => a.ResolvedAt!.Value.ToUnixTimeMilliseconds()).ThenByDescending(a => a.Key, StringComparer.Ordinal)];
            return Task.FromResult(resolved);
        }
    }

    public Task<Alert?> GetAlertAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            return Task.FromResult(alerts.GetValueOrDefault(key));
        }
    }

    public Task<IReadOnlyList<AlertAuditEntry>> GetAlertAuditAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (alertGate)
        {
            IReadOnlyList<AlertAuditEntry> trail = alertAudit.TryGetValue(key, out var entries) ? [.. entries] : [];
            return Task.FromResult(trail);
        }
    }
}
