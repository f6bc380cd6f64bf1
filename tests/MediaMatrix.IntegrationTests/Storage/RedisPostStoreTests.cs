using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed partial class RedisPostStoreTests(RedisServer redis) : PostStoreContract, IAsyncLifetime
{
    /// <summary>Keys the stores may keep without a TTL (docs/redis-keys.md): operators' records and open alerts.</summary>
    private static readonly string[] PermanentKinds = ["manual", "manual-tasks", "tasks", "open", "alert", "audit", "decisions", "findings", "cases"];

    private RedisKeys Keys => new(Options.KeyPrefix);

    private IServer Server => redis.Connection.GetServers().Single();

    protected override IPostStore CreateStore(StoreOptions options) => new RedisPostStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    protected override Task<string> SnapshotAsync(IPostStore store, IReadOnlyCollection<string> accountIds) =>
        RedisKeyDump.DumpAsync(redis, Keys.AllKeysPattern);

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
    public async Task PostJson_KeepsChineseTextAsItselfAndLeavesOutTheId()
    {
        var store = CreateStore(Options);
        await store.RecordPollAsync(Record("acct", Dated("a1", TimeSpan.FromHours(1), "关于冬季防火的通知")), None);

        var json = (string?)await redis.Connection.GetDatabase().HashGetAsync(Keys.Posts("acct"), "a1");

        // Escaping each character as \uXXXX would double a title's size in memory (performance R3).
        Assert.StartsWith("{\"t\":\"关于冬季防火的通知\",\"l\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"a1\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FetchErrorClass.BlockedPrivate, "blocked-private")]
    [InlineData(FetchErrorClass.Http5xx, "http-5xx")]
    [InlineData(FetchErrorClass.Http4xx, "http-4xx")]
    [InlineData(FetchErrorClass.TooLarge, "too-large")]
    public async Task PollState_ErrorClassIsStoredInKebabCase(FetchErrorClass errorClass, string expected)
    {
        var store = CreateStore(Options);
        await store.RecordPollAsync(new PollRecord("acct", [], Polled() with { LastErrorClass = errorClass }), None);

        var json = (string?)await redis.Connection.GetDatabase().StringGetAsync(Keys.PollState("acct"));

        Assert.Contains($"\"lastErrorClass\":\"{expected}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisHealth_WhenConfigCannotBeRead_IsDegraded()
    {
        await using var withoutAdmin = await ConnectionMultiplexer.ConnectAsync(redis.EndPoint);

        var result = await RedisHealth.CheckAsync(withoutAdmin);

        Assert.False(result.Healthy);
        Assert.Contains("cannot read config", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R1_RecordPollIsOneScriptAndTheDueIndexInOneBatch()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.EndPoint);
        var store = new RedisPostStore(connection, Options);
        var posts = Enumerable.Range(1, 20).Select(i => Dated($"p{i}", TimeSpan.FromHours(i))).ToArray();
        await store.RecordPollAsync(Record("warm-up", posts), None);

        var before = await CommandCallsAsync();
        await store.RecordPollAsync(Record("acct", posts), None);
        var after = await CommandCallsAsync();

        // The batch holds exactly these; anything else would be another command and, awaited, another round trip.
        // Once the script is cached the client sends only its SHA.
        Assert.Equal(1, after.GetValueOrDefault("evalsha") - before.GetValueOrDefault("evalsha"));
        Assert.Equal(0, after.GetValueOrDefault("eval") - before.GetValueOrDefault("eval"));
        Assert.Equal(posts.Length + 1, after.GetValueOrDefault("zadd") - before.GetValueOrDefault("zadd")); // one per post in the script
        Assert.Equal(1, after.GetValueOrDefault("pexpire") + after.GetValueOrDefault("expire")
            - before.GetValueOrDefault("pexpire") - before.GetValueOrDefault("expire") - 3); // 3 from inside the script
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

    /// <summary>Server-wide calls per command from INFO commandstats (commands run by a script count too).</summary>
    private async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var stat in (await Server.InfoAsync("commandstats")).SelectMany(group => group))
        {
            // cmdstat_zadd: calls=3,usec=...
            var count = stat.Value.Split(',')[0].Split('=')[1];
            calls[stat.Key["cmdstat_".Length..]] = long.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        }

        return calls;
    }

    private Task<List<string>> ScanAsync() => RedisKeyDump.ScanAsync(redis, Keys.AllKeysPattern);
}
