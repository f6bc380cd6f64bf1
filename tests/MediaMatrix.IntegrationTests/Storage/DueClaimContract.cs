using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every <see cref="IPostStore"/> promises about claiming due accounts: each due account goes to exactly one claimer.</summary>
public abstract class DueClaimContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    protected static readonly CancellationToken None = CancellationToken.None;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract IPostStore CreateStore(StoreOptions options);

    [Fact]
    public async Task ClaimDue_TakesMostOverdueFirstAndOnlyWhatIsDue()
    {
        var store = CreateStore(Options);
        await store.EnsureScheduledAsync(new Dictionary<string, DateTimeOffset>
        {
            ["late"] = Now - TimeSpan.FromMinutes(30),
            ["later"] = Now - TimeSpan.FromHours(2),
            ["on-time"] = Now,
            ["future"] = Now + TimeSpan.FromMinutes(1),
        }, None);

        Assert.Equal(["later", "late"], await store.ClaimDueAsync(Now, Lease, 2, None));
        Assert.Equal(["on-time"], await store.ClaimDueAsync(Now, Lease, 10, None));
        Assert.Empty(await store.ClaimDueAsync(Now, Lease, 10, None));
    }

    [Fact]
    public async Task ClaimDue_MovesTheClaimedToTheEndOfTheLease()
    {
        var store = CreateStore(Options);
        await store.EnsureScheduledAsync(new Dictionary<string, DateTimeOffset> { ["acct"] = Now }, None);

        await store.ClaimDueAsync(Now, Lease, 10, None);

        Assert.Empty(await store.ClaimDueAsync(Now + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, None));
        Assert.Equal(["acct"], await store.ClaimDueAsync(Now + Lease, Lease, 10, None));
    }

    [Fact]
    public async Task ClaimDue_WithNothingToTake_ReturnsEmpty()
    {
        var store = CreateStore(Options);

        Assert.Empty(await store.ClaimDueAsync(Now, Lease, 10, None));
        Assert.Empty(await store.ClaimDueAsync(Now, Lease, 0, None));
    }

    [Fact]
    public async Task ClaimDue_ManyConcurrentClaimers_NeverTakeTheSameAccountTwice()
    {
        var store = CreateStore(Options);
        var accounts = Enumerable.Range(0, 500).ToDictionary(i => $"acct-{i:D4}", i => Now - TimeSpan.FromSeconds(i));
        await store.EnsureScheduledAsync(accounts, None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await store.ClaimDueAsync(Now, Lease, 7, None) is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(accounts.Count, all.Count);
        Assert.Equal(accounts.Keys.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }
}
