using System.Diagnostics;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every store promises about notice records: one worker holds a notice at a time, a settled notice is
/// never claimed again, a claim given back or lapsed can be taken over, and "sending" means maybe delivered.</summary>
public abstract class NoticeStoreContract
{
    protected const string Key = "became-unqualified:dh-edu:1796083200000|opened|wecom-office";

    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract INoticeStore CreateStore(StoreOptions options);

    [Fact]
    public async Task Claim_FirstWorkerWins_UntilItSettles_ThenNobodyClaimsAgain()
    {
        var store = CreateStore(Options);

        Assert.True(await store.ClaimNoticeAsync(Key, "a", Lease, None));
        Assert.False(await store.ClaimNoticeAsync(Key, "b", Lease, None));
        Assert.Null(await store.GetNoticeOutcomeAsync(Key, None)); // claimed, not settled

        Assert.True(await store.SettleNoticeAsync(Key, "a", NoticeOutcome.Sent, Retention, None));

        Assert.Equal(NoticeOutcome.Sent, await store.GetNoticeOutcomeAsync(Key, None));
        Assert.False(await store.ClaimNoticeAsync(Key, "a", Lease, None));
        Assert.False(await store.ClaimNoticeAsync(Key, "b", Lease, None));
    }

    [Fact]
    public async Task Settle_ByAWorkerNotHoldingIt_IsRefused()
    {
        var store = CreateStore(Options);
        await store.ClaimNoticeAsync(Key, "a", Lease, None);

        Assert.False(await store.SettleNoticeAsync(Key, "b", NoticeOutcome.Failed, Retention, None));
        Assert.True(await store.SettleNoticeAsync(Key, "a", NoticeOutcome.Failed, Retention, None));
        Assert.False(await store.SettleNoticeAsync(Key, "b", NoticeOutcome.Sent, Retention, None)); // settled is final
        Assert.Equal(NoticeOutcome.Failed, await store.GetNoticeOutcomeAsync(Key, None));
    }

    [Fact]
    public async Task Release_ByTheOwner_LetsTheNextWorkerTakeIt_ByAnotherDoesNothing()
    {
        var store = CreateStore(Options);
        await store.ClaimNoticeAsync(Key, "a", Lease, None);

        await store.ReleaseNoticeAsync(Key, "b", None);
        Assert.False(await store.ClaimNoticeAsync(Key, "b", Lease, None));

        await store.ReleaseNoticeAsync(Key, "a", None);
        Assert.True(await store.ClaimNoticeAsync(Key, "b", Lease, None));
    }

    [Fact]
    public async Task Sending_ReadsAsMaybeDelivered_IsNeverClaimedOrReleased_ButTheOwnerSettlesIt()
    {
        var store = CreateStore(Options);
        await store.ClaimNoticeAsync(Key, "a", Lease, None);

        Assert.False(await store.MarkNoticeSendingAsync(Key, "b", Retention, None));
        Assert.True(await store.MarkNoticeSendingAsync(Key, "a", Retention, None));

        Assert.Equal(NoticeOutcome.Unknown, await store.GetNoticeOutcomeAsync(Key, None));
        await store.ReleaseNoticeAsync(Key, "a", None);
        Assert.False(await store.ClaimNoticeAsync(Key, "b", Lease, None));
        Assert.True(await store.SettleNoticeAsync(Key, "a", NoticeOutcome.Sent, Retention, None));
        Assert.Equal(NoticeOutcome.Sent, await store.GetNoticeOutcomeAsync(Key, None));
    }

    [Fact]
    public async Task LapsedLease_AnotherWorkerTakesOver_AndTheFirstCanNoLongerSettle()
    {
        var store = CreateStore(Options);
        Assert.True(await store.ClaimNoticeAsync(Key, "a", TimeSpan.FromMilliseconds(100), None));

        // Leases run on the store's own clock (Redis expiry, a monotonic clock in memory): wait for it, bounded.
        var waited = Stopwatch.StartNew();
        while (!await store.ClaimNoticeAsync(Key, "b", Lease, None))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), "the lease never lapsed");
            await Task.Delay(20);
        }

        Assert.False(await store.SettleNoticeAsync(Key, "a", NoticeOutcome.Sent, Retention, None));
        Assert.True(await store.SettleNoticeAsync(Key, "b", NoticeOutcome.Sent, Retention, None));
    }

    [Fact]
    public async Task Settle_AfterTheOwnersLeaseLapsedWithNobodyElse_StillRecordsTheOutcome()
    {
        var store = CreateStore(Options);
        await store.ClaimNoticeAsync(Key, "a", TimeSpan.FromMilliseconds(50), None);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMilliseconds(200))
            await Task.Delay(20);

        Assert.True(await store.SettleNoticeAsync(Key, "a", NoticeOutcome.Sent, Retention, None));
        Assert.False(await store.ClaimNoticeAsync(Key, "b", Lease, None));
    }

    [Fact]
    public async Task Claim_ManyConcurrentWorkers_ExactlyOneWinsEachNotice()
    {
        var store = CreateStore(Options);
        var keys = Enumerable.Range(0, 50).Select(i => $"collection-down:acct-{i}:1796083200000|reminder-1|hook").ToList();

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var mine = new List<string>();
            foreach (var key in keys)
            {
                if (await store.ClaimNoticeAsync(key, $"w{worker}", Lease, None))
                    mine.Add(key);
            }

            return mine;
        })));

        Assert.Equal(keys.Order(StringComparer.Ordinal), wins.SelectMany(w => w).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Outcome_OfANoticeNeverSeen_IsNull()
    {
        Assert.Null(await CreateStore(Options).GetNoticeOutcomeAsync(Key, None));
    }
}
