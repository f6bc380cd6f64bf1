using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisNoticeStoreTests(RedisServer redis) : NoticeStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    protected override INoticeStore CreateStore(StoreOptions options) => new RedisNoticeStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task EveryRecord_ExpiresWithItsLeaseOrItsRetention()
    {
        var store = CreateStore(Options);
        var db = redis.Connection.GetDatabase();

        await store.ClaimNoticeAsync(Key, "a", Lease, None);
        var claimTtl = await db.KeyTimeToLiveAsync(Keys.Notice(Key));
        await store.SettleNoticeAsync(Key, "a", NoticeOutcome.Sent, Retention, None);
        var settledTtl = await db.KeyTimeToLiveAsync(Keys.Notice(Key));

        Assert.InRange(claimTtl!.Value, Lease - TimeSpan.FromMinutes(1), Lease);
        Assert.InRange(settledTtl!.Value, Retention - TimeSpan.FromMinutes(1), Retention);
        Assert.Equal("sent", (string?)await db.StringGetAsync(Keys.Notice(Key)));
    }

    [Fact]
    public async Task TwoStoresOverOnePrefix_AreTwoReplicas_OneClaimBetweenThem()
    {
        var first = CreateStore(Options);
        var second = CreateStore(Options with { });

        Assert.True(await first.ClaimNoticeAsync(Key, "replica-1", Lease, None));
        Assert.False(await second.ClaimNoticeAsync(Key, "replica-2", Lease, None));
    }
}
