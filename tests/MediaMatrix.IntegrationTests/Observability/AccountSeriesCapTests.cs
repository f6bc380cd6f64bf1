using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Observability;

/// <summary>Above the cap only flagged accounts keep per-account series, worst first, and an account that stops being
/// flagged loses its series at the next scrape. Shares the process-wide registry, hence the serial collection.</summary>
[Collection(ScrapeSizeTests.Name)]
public sealed class AccountSeriesCapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task AboveTheCap_OnlyFlaggedAccountsHaveSeries_AndRecoveredOnesLoseThem()
    {
        var accounts = Enumerable.Range(0, 10).Select(i => new Account($"cap-{i}", $"账号{i}", Platform.Wechat, i == 0 ? Tier.Head : Tier.Member, "区民政局",
            new Source(SourceKind.Feed, new Uri($"http://rss.example.gov.cn/cap/{i}.xml")))).ToList();
        var matrix = new MatrixConfig(new MatrixSettings("cap", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), false), accounts, new Dictionary<string, Profile>());
        var evaluations = new InMemoryEvaluationStore(new StoreOptions());
        var posts = new InMemoryPostStore(new StoreOptions());
        await evaluations.SaveAccountSnapshotsAsync([.. accounts.Select(a => Snapshot(a.Id, a.Id is "cap-3" or "cap-7" ? Verdict.Unqualified : Verdict.Qualified))], CancellationToken.None);
        foreach (var a in accounts)
            await posts.RecordPollAsync(new PollRecord(a.Id, [], new PollState(LastAttemptAt: Now, LastSuccessAt: Now, ConsecutiveFailures: a.Id == "cap-5" ? 2 : 0, NextDueAt: Now.AddHours(1))), CancellationToken.None);
        var series = new ScrapeTimeSeries(posts, evaluations, new InMemoryAlertStore(), new InMemoryDigestStore(), matrix, new MetricsOptions { AccountSeriesCap = 5, FlaggedSeriesCap = 10 }, TimeProvider.System);

        await series.UpdateAsync(CancellationToken.None);

        Assert.Equal(["cap-3", "cap-5", "cap-7"], Exported());
        Assert.Equal(2, MatrixMetrics.Accounts.WithLabels("unqualified").Value);
        Assert.Equal(8, MatrixMetrics.Accounts.WithLabels("qualified").Value);

        // cap-3 is qualified again: its series go at the next scrape.
        await evaluations.SaveAccountSnapshotsAsync([Snapshot("cap-3", Verdict.Qualified)], CancellationToken.None);
        await series.UpdateAsync(CancellationToken.None);

        Assert.Equal(["cap-5", "cap-7"], Exported());
    }

    [Fact]
    public async Task OpenAlerts_AreCountedByKindFromTheStore()
    {
        var account = new Account("alerted", "账号", Platform.Wechat, Tier.Head, "区民政局", new Source(SourceKind.Feed, new Uri("http://rss.example.gov.cn/a.xml")));
        var matrix = new MatrixConfig(new MatrixSettings("alerts", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), false), [account], new Dictionary<string, Profile>());
        var alerts = new InMemoryAlertStore();
        var key = Alert.KeyOf(AlertKind.Zombie, account.Id, Now);
        await alerts.OpenAlertAsync(new Alert(key, AlertKind.Zombie, account.Id, AlertSeverity.Critical, AlertStatus.Open, "僵尸账号", "Zombie account", Now), CancellationToken.None);
        var series = new ScrapeTimeSeries(
            new InMemoryPostStore(new StoreOptions()), new InMemoryEvaluationStore(new StoreOptions()), alerts, new InMemoryDigestStore(), matrix, new MetricsOptions(), TimeProvider.System);

        await series.UpdateAsync(CancellationToken.None);

        Assert.Equal(1, MatrixMetrics.OpenAlerts.WithLabels(AlertKinds.Name(AlertKind.Zombie)).Value);
        Assert.Equal(0, MatrixMetrics.OpenAlerts.WithLabels(AlertKinds.Name(AlertKind.BecameUnqualified)).Value);
    }

    private static AccountSnapshot Snapshot(string id, Verdict verdict) =>
        new(id, Now, verdict, verdict == Verdict.Qualified ? 85 : 40, verdict == Verdict.Qualified ? Grade.B : Grade.D, false, false, 1, 3, 12, null);

    private static string[] Exported() =>
        [.. MatrixMetrics.AccountScore.GetAllLabelValues().Select(l => l[0]).Where(id => id.StartsWith("cap-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
