using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>
/// Runs the alert rules after an evaluation and stores what they change, and carries operators' actions (acknowledge,
/// resolve, note) into the store with who and when. Every write is idempotent in the store, so a job re-fired for the
/// same evaluation, or two instances racing, open each alert once.
/// </summary>
public sealed class AlertService(IAlertStore store, IPostStore posts, TimeProvider time, AlertOptions options, TaskStandings? tasks = null, IEnumerable<IAlertListener>? listeners = null)
{
    /// <summary>Every account of the report, and the cluster tasks.</summary>
    public Task<AlertChanges> ProcessAsync(MatrixReport report, CancellationToken cancellationToken) =>
        ProcessAsync([.. report.Accounts.Select(a => a.Evaluation)], report.EvaluatedAt, cancellationToken);

    /// <summary>Only the given accounts' alerts move (others are left as they are), plus the cluster tasks'.</summary>
    public async Task<AlertChanges> ProcessAsync(IReadOnlyList<Evaluation> evaluations, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var open = await store.GetOpenAlertsAsync(cancellationToken).ConfigureAwait(false);
        var polls = await posts.GetPollStatesAsync([.. evaluations.Select(e => e.AccountId)], cancellationToken).ConfigureAwait(false);
        var standings = tasks is null ? [] : await tasks.ReadAsync(at, cancellationToken).ConfigureAwait(false);
        var changes = AlertRules.Evaluate(open, [.. evaluations.Select(e => new AccountStanding(e, polls.GetValueOrDefault(e.AccountId)))], standings, at, options);

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
