using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisFindingStoreTests(RedisServer redis) : FindingStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    protected override IFindingStore CreateStore(StoreOptions options) => new RedisFindingStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task Findings_ArePermanent_AndShareOneSlot()
    {
        var store = CreateStore(Options);
        await store.RecordFindingAsync(Finding("f1"), None);
        await store.ClearFindingAsync("f1", T, "op", "已整改", None);
        var db = redis.Connection.GetDatabase();

        Assert.Null(await db.KeyTimeToLiveAsync(Keys.Findings));
        Assert.Null(await db.KeyTimeToLiveAsync(Keys.FindingAudit("f1")));
        Assert.Equal(2, await db.ListLengthAsync(Keys.FindingAudit("f1")));
        Assert.Equal(Slot(Keys.Findings), Slot(Keys.FindingAudit("f1"))); // one transaction in Redis Cluster too
    }

    [Fact]
    public async Task TwoStoresOverOnePrefix_AreTwoReplicas_OneClearanceBetweenThem()
    {
        var first = CreateStore(Options);
        var second = CreateStore(Options with { });
        await first.RecordFindingAsync(Finding("f1"), None);

        var a = await first.ClearFindingAsync("f1", T, "a", "已整改", None);
        var b = await second.ClearFindingAsync("f1", T, "b", "已整改", None);

        Assert.Equal((FindingClearanceOutcome.Cleared, FindingClearanceOutcome.AlreadyCleared), (a.Outcome, b.Outcome));
        Assert.Equal("a", (await second.GetFindingAsync("f1", None))!.ClearedBy);
    }

    private int Slot(StackExchange.Redis.RedisKey key) => redis.Connection.HashSlot(key);
}
