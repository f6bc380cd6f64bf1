using System.Diagnostics;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every <see cref="IDigestStore"/> promises: the weekly digest's figures, claims and deliveries.</summary>
public abstract class DigestStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    protected static readonly CancellationToken None = CancellationToken.None;

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract IDigestStore CreateStore(StoreOptions options);

    [Fact]
    public async Task ClaimDigest_SecondClaimWhileHeld_IsRefused_UntilReleasedByItsOwner()
    {
        var store = CreateStore(Options);

        Assert.True(await store.ClaimDigestAsync("2026-W49", "office@example.gov.cn", "node-1", TimeSpan.FromMinutes(5), None));
        Assert.False(await store.ClaimDigestAsync("2026-W49", "office@example.gov.cn", "node-2", TimeSpan.FromMinutes(5), None));

        // Only the holder can give it back: node-2 releasing changes nothing.
        await store.ReleaseDigestClaimAsync("2026-W49", "office@example.gov.cn", "node-2", None);
        Assert.False(await store.ClaimDigestAsync("2026-W49", "office@example.gov.cn", "node-2", TimeSpan.FromMinutes(5), None));

        await store.ReleaseDigestClaimAsync("2026-W49", "office@example.gov.cn", "node-1", None);
        Assert.True(await store.ClaimDigestAsync("2026-W49", "office@example.gov.cn", "node-2", TimeSpan.FromMinutes(5), None));
    }

    [Fact]
    public async Task ClaimDigest_ExpiredLease_CanBeTakenOver()
    {
        var store = CreateStore(Options);
        var claimed = Stopwatch.StartNew();
        Assert.True(await store.ClaimDigestAsync("2026-W49", "a@example.gov.cn", "crashed", TimeSpan.FromMilliseconds(50), None));

        // Another node takes the claim once the lease has run out: not before 50 ms, and soon after (waited for, not slept).
        var takenOver = false;
        while (!takenOver && claimed.Elapsed < TimeSpan.FromSeconds(10))
        {
            var early = claimed.Elapsed < TimeSpan.FromMilliseconds(40);
            takenOver = await store.ClaimDigestAsync("2026-W49", "a@example.gov.cn", "next", TimeSpan.FromMinutes(5), None);
            Assert.False(takenOver && early, "taken over while the lease still ran");
            await Task.Yield();
        }

        Assert.True(takenOver, "the expired lease was never taken over");
    }

    [Fact]
    public async Task ClaimDigest_OtherWeekOrRecipient_IsIndependent()
    {
        var store = CreateStore(Options);
        Assert.True(await store.ClaimDigestAsync("2026-W49", "a@example.gov.cn", "n", TimeSpan.FromMinutes(5), None));
        Assert.True(await store.ClaimDigestAsync("2026-W50", "a@example.gov.cn", "n", TimeSpan.FromMinutes(5), None));
        Assert.True(await store.ClaimDigestAsync("2026-W49", "b@example.gov.cn", "n", TimeSpan.FromMinutes(5), None));
    }

    [Fact]
    public async Task SaveDigestDelivery_LastRecordPerRecipientWins_OrderedByRecipient()
    {
        var store = CreateStore(Options);
        await store.SaveDigestDeliveryAsync(new DigestDelivery("2026-W49", "z@example.gov.cn", DigestDeliveryState.Retrying, Now, 1, "451 busy"), None);
        await store.SaveDigestDeliveryAsync(new DigestDelivery("2026-W49", "z@example.gov.cn", DigestDeliveryState.Sent, Now, 2), None);
        await store.SaveDigestDeliveryAsync(new DigestDelivery("2026-W49", "a@example.gov.cn", DigestDeliveryState.FailedPermanent, Now, 1, "550 no such user"), None);
        await store.SaveDigestDeliveryAsync(new DigestDelivery("2026-W48", "a@example.gov.cn", DigestDeliveryState.Sent, Now, 1), None);

        var week = await store.GetDigestDeliveriesAsync("2026-W49", None);

        Assert.Equal(
            [new DigestDelivery("2026-W49", "a@example.gov.cn", DigestDeliveryState.FailedPermanent, Now, 1, "550 no such user"),
             new DigestDelivery("2026-W49", "z@example.gov.cn", DigestDeliveryState.Sent, Now, 2)],
            week);
    }

    [Fact]
    public async Task ClaimDigestWeek_FirstFiguresWin()
    {
        var store = CreateStore(Options);
        var first = new DigestWeek("2026-W49", Now, 0.8, ["a"], []);
        var later = new DigestWeek("2026-W49", Now.AddHours(1), 0.5, ["a", "b"], ["c"]);

        var kept1 = await store.ClaimDigestWeekAsync(first, None);
        var kept2 = await store.ClaimDigestWeekAsync(later, None);

        Assert.Same(first, kept1);
        Assert.Equal(first.PassRate, kept2.PassRate);
        Assert.Equal(first.Unqualified, kept2.Unqualified);
        Assert.Null(await store.GetDigestWeekAsync("2026-W48", None));
    }
}
