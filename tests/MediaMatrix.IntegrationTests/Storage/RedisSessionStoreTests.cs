using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisSessionStoreTests(RedisServer redis) : SessionStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Prefix);

    // Each call is its own store over the shared Redis: two of them are two replicas.
    protected override ISessionStore CreateStore() => new RedisSessionStore(redis.Connection, Keys);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task Records_CarryTheCookiesLifetimeAsTtl_AndRenewalResetsIt()
    {
        var store = CreateStore();
        var db = redis.Connection.GetDatabase();
        var shortTtl = TimeSpan.FromMinutes(5);

        await store.StartAsync("zhang", "s1", shortTtl, None);
        var started = await db.KeyTimeToLiveAsync(Keys.Session("zhang", "s1"));
        var index = await db.KeyTimeToLiveAsync(Keys.UserSessions("zhang"));
        await store.RenewAsync("zhang", "s1", Ttl, None);
        var renewed = await db.KeyTimeToLiveAsync(Keys.Session("zhang", "s1"));

        Assert.InRange(started!.Value, shortTtl - TimeSpan.FromMinutes(1), shortTtl);
        Assert.InRange(index!.Value, shortTtl - TimeSpan.FromMinutes(1), shortTtl);
        Assert.InRange(renewed!.Value, Ttl - TimeSpan.FromMinutes(1), Ttl);
        Assert.InRange((await db.KeyTimeToLiveAsync(Keys.UserSessions("zhang")))!.Value, Ttl - TimeSpan.FromMinutes(1), Ttl);

        await store.EndAllAsync("zhang", None);
        Assert.False(await db.KeyExistsAsync(Keys.Session("zhang", "s1")));
        Assert.False(await db.KeyExistsAsync(Keys.UserSessions("zhang")));
    }
}
