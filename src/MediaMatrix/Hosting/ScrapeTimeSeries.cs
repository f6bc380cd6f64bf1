using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Digest;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Hosting;

/// <summary>
/// Sets the per-account and matrix gauges from the store just before each scrape, so every replica exports the same
/// figures whichever one evaluated or polled. Per-account series stop at <see cref="MetricsOptions.AccountSeriesCap"/>
/// accounts; above it only flagged accounts keep theirs (performance M1), and the aggregates always count everyone.
/// </summary>
internal sealed class ScrapeTimeSeries(
    IPostStore posts, IEvaluationStore evaluations, IAlertStore alerts, IDigestStore digests, MatrixConfig matrix, MetricsOptions options, TimeProvider time)
{
    private readonly Lock gate = new();
    private HashSet<string> exported = new(StringComparer.Ordinal);

    public async Task UpdateAsync(CancellationToken cancellationToken)
    {
        var snapshots = await evaluations.GetAccountSnapshotsAsync(cancellationToken);
        var polls = await posts.GetPollStatesAsync([.. matrix.Accounts.Select(a => a.Id)], cancellationToken);
        var week = await digests.GetDigestDeliveriesAsync(IsoWeek.KeyOf(time.GetUtcNow(), matrix.Matrix.TimeZone), cancellationToken);
        var openAlerts = await alerts.GetOpenAlertsAsync(cancellationToken);
        foreach (var kind in Enum.GetValues<AlertKind>())
            MatrixMetrics.OpenAlerts.WithLabels(AlertKinds.Name(kind)).Set(openAlerts.Count(a => a.Kind == kind));
        foreach (var platform in Enum.GetValues<Platform>())
            MatrixMetrics.PlatformIncident.WithLabels(MatrixMetrics.Label(platform)).Set(openAlerts.Any(a => PlatformIncidents.PlatformOf(a) == platform) ? 1 : 0);

        var rows = matrix.Accounts.Select(a => new Row(a, snapshots.GetValueOrDefault(a.Id), polls.GetValueOrDefault(a.Id))).ToList();
        SetAggregates(rows);
        MatrixMetrics.DigestRecipients.Set(DigestRecipients.Of(matrix).Count);
        foreach (var state in Enum.GetValues<DigestDeliveryState>())
            MatrixMetrics.DigestWeekDeliveries.WithLabels(StateLabel(state)).Set(week.Count(d => d.State == state));

        var selected = rows.Count <= options.AccountSeriesCap
            ? rows
            : [.. rows.Where(r => r.Flagged).OrderByDescending(r => r.Severity).ThenBy(r => r.Account.Id, StringComparer.Ordinal).Take(options.FlaggedSeriesCap)];
        lock (gate)
        {
            var now = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in selected)
            {
                SetAccount(row);
                now.Add(row.Account.Id);
            }

            foreach (var gone in matrix.Accounts.Where(a => exported.Contains(a.Id) && !now.Contains(a.Id)))
                RemoveAccount(Labels(gone));
            exported = now;
        }

        MatrixMetrics.AccountSeriesExported.Set(selected.Count);
    }

    public static string StateLabel(DigestDeliveryState state) => state switch
    {
        DigestDeliveryState.FailedPermanent => "failed_permanent",
        _ => MatrixMetrics.Label(state),
    };

    private static void SetAggregates(List<Row> rows)
    {
        var judged = rows.Where(r => r.Snapshot is { Verdict: not Verdict.Unknown }).ToList();
        MatrixMetrics.Accounts.WithLabels("qualified").Set(judged.Count(r => r.Snapshot!.Verdict == Verdict.Qualified));
        MatrixMetrics.Accounts.WithLabels("unqualified").Set(judged.Count(r => r.Snapshot!.Verdict == Verdict.Unqualified));
        MatrixMetrics.Accounts.WithLabels("unknown").Set(rows.Count(r => r.Snapshot is { Verdict: Verdict.Unknown }));
        MatrixMetrics.Accounts.WithLabels("none").Set(rows.Count(r => r.Snapshot is null));
        foreach (var grade in Enum.GetValues<Grade>())
            MatrixMetrics.AccountsByGrade.WithLabels(grade.ToString()).Set(judged.Count(r => r.Snapshot!.Grade == grade));
        MatrixMetrics.AccountsFlagged.WithLabels("weak").Set(rows.Count(r => r.Snapshot?.Weak == true));
        MatrixMetrics.AccountsFlagged.WithLabels("zombie").Set(rows.Count(r => r.Snapshot?.Zombie == true));
        MatrixMetrics.AccountsFlagged.WithLabels("collection_down").Set(rows.Count(r => r.CollectionDown));
        if (judged.Count > 0)
            MatrixMetrics.PassRate.Set(Math.Round((double)judged.Count(r => r.Snapshot!.Verdict == Verdict.Qualified) / judged.Count, 4));
        else
            MatrixMetrics.PassRate.Unpublish();

        foreach (var platform in Enum.GetValues<Platform>())
        {
            var on = rows.Where(r => r.Account.Platform == platform).ToList();
            MatrixMetrics.AccountsByPlatform.WithLabels(MatrixMetrics.Label(platform)).Set(on.Count);
            MatrixMetrics.CollectionDownByPlatform.WithLabels(MatrixMetrics.Label(platform)).Set(on.Count(r => r.CollectionDown));
        }

        if (rows.Select(r => r.Snapshot?.At).Max() is { } latest)
            MatrixMetrics.LatestEvaluationTime.Set(latest.ToUnixTimeMilliseconds() / 1000.0);
    }

    private static void SetAccount(Row row)
    {
        var labels = Labels(row.Account);
        var s = row.Snapshot;
        Set(MatrixMetrics.AccountScore, labels, s?.Score);
        Set(MatrixMetrics.AccountUnqualified, labels, s is null ? null : Flag(s.Verdict == Verdict.Unqualified));
        Set(MatrixMetrics.AccountUnknown, labels, s is null ? null : Flag(s.Verdict == Verdict.Unknown));
        Set(MatrixMetrics.AccountWeak, labels, s is null ? null : Flag(s.Weak));
        Set(MatrixMetrics.AccountZombie, labels, s is null ? null : Flag(s.Zombie));
        Set(MatrixMetrics.AccountLastPostAge, labels, s?.DaysSinceLastPost * 86400);
        Set(MatrixMetrics.AccountPosts7d, labels, s?.PostsLast7d);
        Set(MatrixMetrics.AccountPosts30d, labels, s?.PostsLast30d);
        Set(MatrixMetrics.AccountTaskCompletion, labels, s?.TaskCompletion);
        Set(MatrixMetrics.AccountCollectionUp, labels, row.Poll?.LastAttemptAt is null ? null : Flag(!row.CollectionDown));
        Set(MatrixMetrics.AccountConsecutiveFailures, labels, row.Poll?.ConsecutiveFailures);
    }

    private static void Set(Prometheus.Gauge gauge, string[] labels, double? value)
    {
        if (value is { } v)
            gauge.WithLabels(labels).Set(v);
        else
            gauge.RemoveLabelled(labels);
    }

    private static void RemoveAccount(string[] labels)
    {
        foreach (var gauge in MatrixMetrics.AccountGauges)
            gauge.RemoveLabelled(labels);
    }

    private static double Flag(bool on) => on ? 1 : 0;

    private static string[] Labels(Account a) => [a.Id, a.Department, MatrixMetrics.Label(a.Platform), MatrixMetrics.Label(a.Tier)];

    private sealed record Row(Account Account, AccountSnapshot? Snapshot, PollState? Poll)
    {
        public bool CollectionDown => Poll is { ConsecutiveFailures: > 0 };

        public bool Flagged => CollectionDown || Snapshot is { Verdict: Verdict.Unqualified } or { Weak: true } or { Zombie: true };

        // Worst first when the flagged accounts outnumber the cap: unqualified, then weak or zombie, then collection only.
        public int Severity => (Snapshot?.Verdict == Verdict.Unqualified ? 4 : 0) + (Snapshot is { Weak: true } or { Zombie: true } ? 2 : 0) + (CollectionDown ? 1 : 0);
    }
}
