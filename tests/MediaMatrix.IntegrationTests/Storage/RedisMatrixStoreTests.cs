using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisMatrixStoreTests(RedisServer redis) : MatrixStoreContract, IAsyncLifetime
{
    /// <summary>Keys the store may keep without a TTL (docs/redis-keys.md). Storage keeps none: every key it writes expires.</summary>
    private static readonly string[] PermanentKinds = [];

    private RedisKeys Keys => new(Options.KeyPrefix);

    private IServer Server => redis.Connection.GetServers().Single();

    protected override IMatrixStore CreateStore(StoreOptions options) => new RedisMatrixStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var db = redis.Connection.GetDatabase();
        await foreach (var key in Server.KeysAsync(pattern: Keys.AllKeysPattern))
        {
            await db.KeyDeleteAsync(key);
        }
    }

    /// <summary>Every key under the test's prefix with its type, full value and whether it has a TTL (the TTL itself
    /// counts down between applications, so only its presence is compared).</summary>
    protected override async Task<string> SnapshotAsync(IMatrixStore store, IReadOnlyCollection<string> accountIds)
    {
        var db = redis.Connection.GetDatabase();
        var snapshot = new StringBuilder();
        foreach (var key in (await ScanAsync()).Order(StringComparer.Ordinal))
        {
            var type = await db.KeyTypeAsync(key);
            var hasTtl = await db.KeyTimeToLiveAsync(key) is not null;
            snapshot.AppendLine($"{key} {type} ttl={hasTtl}");
            switch (type)
            {
                case RedisType.String:
                    snapshot.AppendLine($"  {await db.StringGetAsync(key)}");
                    break;
                case RedisType.Hash:
                    foreach (var field in (await db.HashGetAllAsync(key)).OrderBy(field => (string)field.Name!, StringComparer.Ordinal))
                    {
                        snapshot.AppendLine($"  {field.Name} = {field.Value}");
                    }

                    break;
                case RedisType.SortedSet:
                    foreach (var entry in await db.SortedSetRangeByRankWithScoresAsync(key))
                    {
                        snapshot.AppendLine($"  {entry.Element} @ {entry.Score}");
                    }

                    break;
                default:
                    snapshot.AppendLine("  (unexpected type)");
                    break;
            }
        }

        return snapshot.ToString();
    }

    protected override async Task AssertEveryKeyHasTtlOrBoundAsync(StoreOptions options)
    {
        var db = redis.Connection.GetDatabase();
        var keys = await ScanAsync();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var kind = key[(key.LastIndexOf(':') + 1)..];
            Assert.True(
                await db.KeyTimeToLiveAsync(key) is not null || PermanentKinds.Contains(kind),
                $"{key} has no TTL and is not in the documented permanent set");
            if (kind is "timeline" or "undated")
            {
                Assert.InRange(await db.SortedSetLengthAsync(key), 1, options.MaxPostsPerAccount);
            }
        }
    }

    [Fact]
    public async Task RecordPoll_WritesTheDocumentedKeys()
    {
        var store = CreateStore(Options);
        await store.RecordPollAsync(Record("county-gov", Dated("a1", TimeSpan.FromHours(1)), Undated("u1")), None);

        Assert.Equal(
            [$"{Options.KeyPrefix}:acct:{{county-gov}}:poll", $"{Options.KeyPrefix}:acct:{{county-gov}}:posts",
             $"{Options.KeyPrefix}:acct:{{county-gov}}:timeline", $"{Options.KeyPrefix}:acct:{{county-gov}}:undated",
             $"{Options.KeyPrefix}:due"],
            (await ScanAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PollState_ErrorClassIsStoredInKebabCase()
    {
        var store = CreateStore(Options);
        await store.RecordPollAsync(new PollRecord("acct", [], Polled() with { LastErrorClass = FetchErrorClass.BlockedPrivate }), None);

        var json = (string?)await redis.Connection.GetDatabase().StringGetAsync(Keys.PollState("acct"));

        Assert.Contains("\"lastErrorClass\":\"blocked-private\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisHealth_WithoutAof_IsDegradedAndSaysWhy()
    {
        var result = await RedisHealth.CheckAsync(redis.Connection);

        // Our test server runs without AOF; a server started by test.sh may differ, so only check consistency.
        var appendOnly = (await Server.ConfigGetAsync("appendonly")).Single().Value;
        var policy = (await Server.ConfigGetAsync("maxmemory-policy")).Single().Value;
        Assert.Equal(appendOnly == "yes" && policy == "noeviction", result.Healthy);
        if (appendOnly != "yes")
        {
            Assert.Contains("appendonly", result.Reason, StringComparison.Ordinal);
        }
    }

    private async Task<List<string>> ScanAsync()
    {
        var keys = new List<string>();
        await foreach (var key in Server.KeysAsync(pattern: Keys.AllKeysPattern))
        {
            keys.Add(key!);
        }

        return keys;
    }
}
