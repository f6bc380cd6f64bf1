using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisTaskStoreTests(RedisServer redis) : TaskStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    private IServer Server => redis.Connection.GetServers().Single();

    protected override IMatrixStore CreateStore(StoreOptions options) => new RedisMatrixStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var db = redis.Connection.GetDatabase();
        await foreach (var key in Server.KeysAsync(pattern: Keys.AllKeysPattern))
            await db.KeyDeleteAsync(key);
    }

    [Fact]
    public async Task SaveManualCompletion_WritesTheDocumentedPermanentKeys()
    {
        var store = CreateStore(Options);
        await store.SaveManualCompletionAsync(Manual("t-1201", "dh-hrss"), None);

        var keys = new List<string>();
        await foreach (var key in Server.KeysAsync(pattern: Keys.AllKeysPattern))
            keys.Add(key!);

        Assert.Equal(
            [$"{Options.KeyPrefix}:manual-tasks", $"{Options.KeyPrefix}:task:{{t-1201}}:manual"],
            keys.Order(StringComparer.Ordinal));

        // Decisions are audit data: docs/redis-keys.md lists both kinds in the permanent set.
        var db = redis.Connection.GetDatabase();
        foreach (var key in keys)
            Assert.Null(await db.KeyTimeToLiveAsync(key));
    }

    [Fact]
    public async Task ManualCompletionJson_KeepsChineseTextAsItself()
    {
        var store = CreateStore(Options);
        await store.SaveManualCompletionAsync(Manual("t-1201", "dh-hrss"), None);

        var json = (string?)await redis.Connection.GetDatabase().HashGetAsync(Keys.ManualCompletions("t-1201"), "dh-hrss");

        Assert.Contains("\"recordedBy\":\"王科长\"", json, StringComparison.Ordinal);
    }
}
