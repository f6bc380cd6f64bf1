using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisDueClaimTests(RedisServer redis) : DueClaimContract, IAsyncLifetime
{
    protected override IPostStore CreateStore(StoreOptions options) => new RedisPostStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var db = redis.Connection.GetDatabase();
        await foreach (var key in redis.Connection.GetServers().Single().KeysAsync(pattern: new RedisKeys(Options.KeyPrefix).AllKeysPattern))
        {
            await db.KeyDeleteAsync(key);
        }
    }

    [Fact]
    public async Task ClaimDue_KeepsTheDueIndexBoundedByItsTtl()
    {
        var store = CreateStore(Options);
        await store.EnsureScheduledAsync(new Dictionary<string, DateTimeOffset> { ["acct"] = Now }, None);
        await store.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, None);

        Assert.NotNull(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(new RedisKeys(Options.KeyPrefix).Due));
    }
}
