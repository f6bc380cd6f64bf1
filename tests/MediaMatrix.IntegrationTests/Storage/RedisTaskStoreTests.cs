using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisTaskStoreTests(RedisServer redis) : TaskStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    private IServer Server => redis.Connection.GetServers().Single();

    protected override ITaskStore CreateStore(StoreOptions options) => new RedisTaskStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

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

    [Fact]
    public async Task SavedTask_SurvivesANewStoreOverTheSamePrefix()
    {
        var task = Created("ui-0a1b2c3d4e", Now, assignees: ["dh-hrss"]);
        await CreateStore(Options).SaveTaskAsync(task, "王科长", Now, None);

        // A new store instance (what a restarted process builds) sees the same tasks.
        Assert.Equal([Show(task)], (await CreateStore(Options).GetTasksAsync(None)).Select(Show));
    }

    [Fact]
    public async Task SaveTask_WritesOnePermanentHash()
    {
        await CreateStore(Options).SaveTaskAsync(Created("ui-0a1b2c3d4e", Now), "王科长", Now, None);

        var keys = new List<string>();
        await foreach (var key in Server.KeysAsync(pattern: Keys.AllKeysPattern))
            keys.Add(key!);

        // An operator's record, like a manual completion: docs/redis-keys.md lists the kind as permanent.
        Assert.Equal([$"{Options.KeyPrefix}:tasks"], keys);
        Assert.Null(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(keys[0]));
        var json = (string?)await redis.Connection.GetDatabase().HashGetAsync(Keys.Tasks, "ui-0a1b2c3d4e");
        Assert.Contains("\"createdBy\":\"王科长\"", json, StringComparison.Ordinal);
    }
}
