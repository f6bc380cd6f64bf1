using System.Text;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using Prometheus;

namespace MediaMatrix.IntegrationTests.Observability;

/// <summary>Performance M1 as counts, not timings: at 10,000 accounts a scrape carries ≤ 2,000 series and ≤ 200 KB,
/// because above the cap only flagged accounts keep per-account series. The matrix figures still count everyone.
/// prometheus-net's registry is process-wide, so these tests run one at a time in their own collection.</summary>
[Collection(Name)]
public sealed class ScrapeSizeTests
{
    public const string Name = "scrape-size";

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task M1_TenThousandAccounts_TenPercentFlagged_ScrapeStaysUnder2kSeriesAnd200KB()
    {
        var (series, bytes, exported) = await ScrapeAsync(accounts: 10_000, flaggedEvery: 10);

        Assert.Equal(100, exported);
        Assert.True(series <= 2000, $"{series} series");
        Assert.True(bytes <= 200 * 1024, $"{bytes} bytes");
    }

    [Fact]
    public async Task BelowTheCap_EveryAccountHasItsSeries_AndAggregatesCountAll()
    {
        var (_, _, exported) = await ScrapeAsync(accounts: 300, flaggedEvery: 10);

        Assert.Equal(300, exported);
        Assert.Equal(30, MatrixMetricsValue("mediamatrix_accounts", "verdict", "unqualified"));
    }

    private static double MatrixMetricsValue(string name, string label, string value) =>
        Monitoring.Diagnostics.MatrixMetrics.Accounts.WithLabels(value).Value;

    private static async Task<(int Series, int Bytes, int Exported)> ScrapeAsync(int accounts, int flaggedEvery)
    {
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true, SuppressDebugMetrics = true });
        var platforms = Enum.GetValues<Platform>();
        var list = Enumerable.Range(0, accounts).Select(i => new Account(
            $"acct-{i:00000}", $"账号{i}", platforms[i % platforms.Length], i == 0 ? Tier.Head : Tier.Member, $"区文化和广电旅游体育局{i % 120}",
            new Source(SourceKind.Feed, new Uri($"http://rss.example.gov.cn/{i}.xml")))).ToList();
        var matrix = new MatrixConfig(new MatrixSettings("m1", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), false), list, new Dictionary<string, Profile>());
        var evaluations = new InMemoryEvaluationStore(new StoreOptions());
        var posts = new InMemoryPostStore(new StoreOptions());
        await evaluations.SaveAccountSnapshotsAsync([.. list.Select((a, i) => new AccountSnapshot(a.Id, Now,
            i % flaggedEvery == 0 ? Verdict.Unqualified : Verdict.Qualified, 70 + (i % 30), Grade.B, false, false, 2.5, 5, 20, 0.8))], CancellationToken.None);
        foreach (var a in list)
            await posts.RecordPollAsync(new PollRecord(a.Id, [], new PollState(LastAttemptAt: Now, LastSuccessAt: Now, NextDueAt: Now.AddHours(1))), CancellationToken.None);

        // The registry is process-wide: hosts of earlier tests leave their accounts' series behind, which this matrix's
        // scrape would never carry. Start from none, so the figures are this matrix's alone (whatever ran first).
        foreach (var gauge in Monitoring.Diagnostics.MatrixMetrics.AccountGauges)
        {
            foreach (var labels in gauge.GetAllLabelValues().ToList())
                gauge.RemoveLabelled(labels);
        }

        var series = new ScrapeTimeSeries(posts, evaluations, new InMemoryAlertStore(), new InMemoryDigestStore(), matrix, new MetricsOptions(), TimeProvider.System);
        await series.UpdateAsync(CancellationToken.None);
        using var output = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        var lines = text.Split('\n').Count(l => l.Length > 0 && !l.StartsWith('#'));
        var exported = (int)Monitoring.Diagnostics.MatrixMetrics.AccountSeriesExported.Value;
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"mediamatrix-m1-{accounts}.txt"), $"{accounts} accounts: {lines} series, {output.Length} bytes, {exported} accounts with series\n");
        return (lines, (int)output.Length, exported);
    }
}

[CollectionDefinition(ScrapeSizeTests.Name, DisableParallelization = true)]
public sealed class ScrapeSizeCollection;
