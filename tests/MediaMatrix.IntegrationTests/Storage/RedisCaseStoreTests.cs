using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisCaseStoreTests(RedisServer redis) : CaseStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    protected override ICaseStore CreateStore(StoreOptions options) => new RedisCaseStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task Cases_ArePermanent_AndShareOneSlot()
    {
        var store = CreateStore(Options);
        var (c, entry) = Close();
        await store.OpenCaseAsync(c, [entry], None);
        var db = redis.Connection.GetDatabase();

        Assert.Null(await db.KeyTimeToLiveAsync(Keys.Cases));
        Assert.Null(await db.KeyTimeToLiveAsync(Keys.CaseAudit(c.Id)));
        Assert.Equal(1, await db.ListLengthAsync(Keys.CaseAudit(c.Id)));
        Assert.Equal(redis.Connection.HashSlot(Keys.Cases), redis.Connection.HashSlot(Keys.CaseAudit(c.Id))); // one transaction in Redis Cluster too
    }

    [Fact]
    public async Task TwoStoresOverOnePrefix_SeeOneCase()
    {
        var (c, entry) = Close();
        Assert.True(await CreateStore(Options).OpenCaseAsync(c, [entry], None));

        Assert.False(await CreateStore(Options with { }).OpenCaseAsync(c, [entry], None));
        Assert.Equal(c.Id, Assert.Single(await CreateStore(Options with { }).GetCasesAsync(None)).Id);
    }
}
