using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every <see cref="IEvaluationStore"/> promises: evaluation history for stability and bulletins, and the
/// latest snapshot per account for /metrics. Same two-store pattern as <see cref="PostStoreContract"/>.</summary>
public abstract class EvaluationStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    protected static readonly CancellationToken None = CancellationToken.None;

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract IEvaluationStore CreateStore(StoreOptions options);

    /// <summary>Everything the store holds for these accounts, as text that is equal exactly when the data is.</summary>
    protected abstract Task<string> SnapshotAsync(IEvaluationStore store, IReadOnlyCollection<string> accountIds);

    protected static EvaluationRecord Evaluated(string accountId, TimeSpan ago, double score = 72.5, bool weak = false) =>
        new(accountId, Now - ago, score, score, Verdict.Qualified, weak, weak ? 3 : 0, 0);

    protected static AccountSnapshot Snapshot(string id, Verdict verdict, double? score) =>
        new(id, Now, verdict, score, score is null ? null : Grade.B, Weak: false, Zombie: false, 3.5, 4, 12, 0.5);

    [Fact]
    public async Task Evaluation_RoundTripsEveryField()
    {
        var store = CreateStore(Options);
        var weak = new EvaluationRecord("acct", Now, 48.3, 55.1, Verdict.Unqualified, true, 4, 1);
        var unknown = new EvaluationRecord("acct", Now - TimeSpan.FromDays(1), null, null, Verdict.Unknown, false, 2, 0);
        var healthy = new EvaluationRecord("acct", Now - TimeSpan.FromDays(2), 90, 88.8, Verdict.Qualified, false, 0, 5);

        await store.SaveEvaluationAsync(healthy, None);
        await store.SaveEvaluationAsync(weak, None);
        await store.SaveEvaluationAsync(unknown, None);

        var history = await store.GetEvaluationHistoryAsync("acct", 10, None);
        Assert.Equal([weak, unknown, healthy], history);
        Assert.Equal(Now.Offset, history[0].At.Offset);
    }

    [Fact]
    public async Task EvaluationHistory_IsNewestFirstUpToMaxAndPerAccount()
    {
        var store = CreateStore(Options);
        var days = Enumerable.Range(0, 5).Select(day => Evaluated("acct", TimeSpan.FromDays(day), 60 + day)).ToArray();
        foreach (var record in days.Reverse())
        {
            await store.SaveEvaluationAsync(record, None);
        }

        await store.SaveEvaluationAsync(Evaluated("other", TimeSpan.Zero, 10), None);

        Assert.Equal(days[..3], await store.GetEvaluationHistoryAsync("acct", 3, None));
        Assert.Equal(days, await store.GetEvaluationHistoryAsync("acct", 100, None));
        Assert.Empty(await store.GetEvaluationHistoryAsync("acct", 0, None));
        Assert.Empty(await store.GetEvaluationHistoryAsync("never-evaluated", 10, None));
    }

    [Fact]
    public async Task SaveEvaluation_SameInstantAgain_ReplacesTheRecord()
    {
        var store = CreateStore(Options);
        var first = Evaluated("acct", TimeSpan.Zero, 50);
        var rerun = first with { RawScore = 65, Score = 61, BelowStreak = 0, AboveStreak = 1 };

        await store.SaveEvaluationAsync(Evaluated("acct", TimeSpan.FromDays(1)), None);
        await store.SaveEvaluationAsync(first, None);
        await store.SaveEvaluationAsync(rerun, None);

        // Keyed by time: a re-run of the same evaluation replaces it, never adds a second one for the same instant.
        var history = await store.GetEvaluationHistoryAsync("acct", 10, None);
        Assert.Equal(2, history.Count);
        Assert.Equal(rerun, history[0]);
    }

    [Fact]
    public async Task SaveEvaluation_KeepsTheNewestUpToTheBound()
    {
        var store = CreateStore(Options with { MaxEvaluationsPerAccount = 3 });

        // Saved out of order: the bound drops the oldest by evaluation time, not by arrival.
        foreach (var day in new[] { 2, 5, 0, 4, 1, 3 })
        {
            await store.SaveEvaluationAsync(Evaluated("acct", TimeSpan.FromDays(day), day), None);
        }

        Assert.Equal([0.0, 1, 2], (await store.GetEvaluationHistoryAsync("acct", 10, None)).Select(record => record.RawScore!.Value));
    }

    [Fact]
    public async Task R4_SameEvaluationSavedThreeTimesLeavesIdenticalKeyspace()
    {
        var store = CreateStore(Options with { MaxEvaluationsPerAccount = 2 });
        EvaluationRecord[] records = [Evaluated("acct", TimeSpan.FromDays(2)), Evaluated("acct", TimeSpan.FromDays(1), 40, weak: true), Evaluated("acct", TimeSpan.Zero, 70)];
        string[] accounts = ["acct"];

        async Task<string> SaveAllAsync()
        {
            foreach (var record in records)
            {
                await store.SaveEvaluationAsync(record, None);
            }

            return await SnapshotAsync(store, accounts);
        }

        var once = await SaveAllAsync();
        Assert.Equal(once, await SaveAllAsync());
        Assert.Equal(once, await SaveAllAsync());
    }

    [Fact]
    public async Task SaveAccountSnapshots_ReplacesPerAccount_AndKeepsOthers()
    {
        var store = CreateStore(Options);
        await store.SaveAccountSnapshotsAsync([Snapshot("a", Verdict.Qualified, 80), Snapshot("b", Verdict.Unknown, null)], None);
        await store.SaveAccountSnapshotsAsync([Snapshot("a", Verdict.Unqualified, 40)], None);

        var read = await store.GetAccountSnapshotsAsync(None);

        Assert.Equal(Snapshot("a", Verdict.Unqualified, 40), read["a"]);
        Assert.Equal(Snapshot("b", Verdict.Unknown, null), read["b"]);
    }
}
