using System.Text.Json;
using MediaMatrix.Monitoring.Alerts;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Alerts: an open index (slot → key), one string per alert, one list per trail, and a zset of the resolved
/// ones, all in the <c>{alerts}</c> slot so each write is one script. Layout and bounds: docs/redis-keys.md.</summary>
public sealed class RedisAlertStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), IAlertStore
{
    public async Task<bool> OpenAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var opened = new AlertAuditEntry(alert.Key, AlertAction.Opened, alert.OpenedAt, null, alert.TitleEn);
        var result = await Database.ScriptEvaluateAsync(
            AlertScripts.Open,
            [Keys.OpenAlerts, Keys.Alert(alert.Key), Keys.AlertAudit(alert.Key)],
            [alert.Slot, alert.Key, AlertJson(alert), AuditJson(opened)]).WaitAsync(cancellationToken);
        return (long)result == 1;
    }

    public async Task<bool> UpdateOpenAlertAsync(Alert updated, AlertAuditEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var resolvedAt = updated.IsOpen ? "" : (updated.ResolvedAt ?? entry.At).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await Database.ScriptEvaluateAsync(
            AlertScripts.Update,
            [Keys.OpenAlerts, Keys.Alert(updated.Key), Keys.AlertAudit(updated.Key), Keys.ResolvedAlerts],
            [updated.Slot, updated.Key, AlertJson(updated), AuditJson(entry), resolvedAt, (long)Options.ResolvedAlertRetention.TotalMilliseconds])
            .WaitAsync(cancellationToken);
        return (long)result == 1;
    }

    public async Task<bool> AppendAlertNoteAsync(AlertAuditEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Database.ScriptEvaluateAsync(
            AlertScripts.Note, [Keys.Alert(entry.AlertKey), Keys.AlertAudit(entry.AlertKey)], [AuditJson(entry)]).WaitAsync(cancellationToken);
        return (long)result == 1;
    }

    public async Task<IReadOnlyList<Alert>> GetOpenAlertsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Database;
        var open = await db.HashValuesAsync(Keys.OpenAlerts).WaitAsync(cancellationToken);
        var alerts = await ReadAlertsAsync(db, open.Select(k => (string)k!), cancellationToken);
        return [.. alerts.OrderBy(a => a.OpenedAt).ThenBy(a => a.Key, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<Alert>> GetResolvedAlertsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Database;
        var resolved = await db.SortedSetRangeByScoreAsync(Keys.ResolvedAlerts, since.ToUnixTimeMilliseconds(), double.PositiveInfinity, order: Order.Descending)
            .WaitAsync(cancellationToken);
        return await ReadAlertsAsync(db, resolved.Select(k => (string)k!), cancellationToken);
    }

    public async Task<Alert?> GetAlertAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = await Database.StringGetAsync(Keys.Alert(key)).WaitAsync(cancellationToken);
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, AlertStorageJsonContext.Compact.Alert);
    }

    public async Task<IReadOnlyList<AlertAuditEntry>> GetAlertAuditAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Database.ListRangeAsync(Keys.AlertAudit(key)).WaitAsync(cancellationToken);
        return [.. entries.Select(e => JsonSerializer.Deserialize((string)e!, AlertStorageJsonContext.Compact.AlertAuditEntry)!)];
    }

    // One slot, so one MGET; a key whose alert lapsed between the index read and this one is skipped.
    private async Task<List<Alert>> ReadAlertsAsync(IDatabase db, IEnumerable<string> alertKeys, CancellationToken cancellationToken)
    {
        var names = alertKeys.Select(Keys.Alert).ToArray();
        if (names.Length == 0)
            return [];

        var values = await db.StringGetAsync(names).WaitAsync(cancellationToken);
        return [.. values.Where(v => !v.IsNull).Select(v => JsonSerializer.Deserialize((string)v!, AlertStorageJsonContext.Compact.Alert)!)];
    }

    private static string AlertJson(Alert alert) => JsonSerializer.Serialize(alert, AlertStorageJsonContext.Compact.Alert);

    private static string AuditJson(AlertAuditEntry entry) => JsonSerializer.Serialize(entry, AlertStorageJsonContext.Compact.AlertAuditEntry);
}
