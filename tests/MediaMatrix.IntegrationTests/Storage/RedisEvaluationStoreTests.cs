using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisEvaluationStoreTests(RedisServer redis) : EvaluationStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    protected override IEvaluationStore CreateStore(StoreOptions options) => new RedisEvaluationStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    protected override Task<string> SnapshotAsync(IEvaluationStore store, IReadOnlyCollection<string> accountIds) =>
        RedisKeyDump.DumpAsync(redis, Keys.AllKeysPattern);

    [Fact]
    public async Task SaveEvaluation_WritesOneCompactEntryWithATtl()
    {
        var store = CreateStore(Options);
        var at = Now;
        await store.SaveEvaluationAsync(new EvaluationRecord("county-gov", at, 58.5, 61.2, Verdict.Unqualified, true, 3, 0), None);

        var key = $"{Options.KeyPrefix}:acct:{{county-gov}}:evals";
        Assert.Equal([key], await RedisKeyDump.ScanAsync(redis, Keys.AllKeysPattern));
        var db = redis.Connection.GetDatabase();
        Assert.NotNull(await db.KeyTimeToLiveAsync(key));
        var entry = (await db.SortedSetRangeByRankWithScoresAsync(key)).Single();
        Assert.Equal(at.ToUnixTimeMilliseconds(), entry.Score);

        // One-letter names, no account id (it is in the key), defaults left out.
        Assert.Equal("{\"a\":\"2026-11-26T09:00:00+08:00\",\"r\":58.5,\"s\":61.2,\"v\":\"unqualified\",\"w\":true,\"b\":3}", (string?)entry.Element);
    }

    [Fact]
    public async Task SaveEvaluation_ManyRounds_KeepsOneBoundedKeyPerAccountWithATtl()
    {
        var options = Options with { MaxEvaluationsPerAccount = 5 };
        var store = CreateStore(options);
        for (var round = 0; round < 12; round++)
        {
            await store.SaveEvaluationAsync(Evaluated("county-gov", TimeSpan.FromHours(-6 * round)), None);
        }

        var db = redis.Connection.GetDatabase();
        Assert.NotNull(await db.KeyTimeToLiveAsync(Keys.Evaluations("county-gov")));
        Assert.Equal(options.MaxEvaluationsPerAccount, await db.SortedSetLengthAsync(Keys.Evaluations("county-gov")));
    }

    [Fact]
    public async Task Snapshots_AreOneHashWithATtl()
    {
        var store = CreateStore(Options);
        await store.SaveAccountSnapshotsAsync([Snapshot("a", Verdict.Qualified, 80), Snapshot("b", Verdict.Unknown, null)], None);

        Assert.Equal([(string)Keys.AccountSnapshots!], await RedisKeyDump.ScanAsync(redis, Keys.AllKeysPattern));
        Assert.NotNull(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(Keys.AccountSnapshots));
    }
}
