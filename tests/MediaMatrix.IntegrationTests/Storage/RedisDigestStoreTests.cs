using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisDigestStoreTests(RedisServer redis) : DigestStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    private IServer Server => redis.Connection.GetServers().Single();

    protected override IDigestStore CreateStore(StoreOptions options) => new RedisDigestStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task EveryDigestKey_HasATtl()
    {
        var store = CreateStore(Options);
        await store.ClaimDigestAsync("2026-W49", "a@example.gov.cn", "n", TimeSpan.FromMinutes(5), None);
        await store.SaveDigestDeliveryAsync(new DigestDelivery("2026-W49", "a@example.gov.cn", DigestDeliveryState.Sent, Now), None);
        await store.ClaimDigestWeekAsync(new DigestWeek("2026-W49", Now, 1, [], []), None);

        var db = redis.Connection.GetDatabase();
        var count = 0;
        await foreach (var key in Server.KeysAsync(pattern: Keys.AllKeysPattern))
        {
            count++;
            Assert.NotNull(await db.KeyTimeToLiveAsync(key));
        }

        Assert.Equal(3, count);
    }
}
