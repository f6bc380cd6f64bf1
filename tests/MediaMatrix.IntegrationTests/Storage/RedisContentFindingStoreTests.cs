using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisContentFindingStoreTests(RedisServer redis) : ContentFindingStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    protected override (IContentFindingStore Content, IFindingStore Findings) CreateStores(StoreOptions options) =>
        (new RedisContentFindingStore(redis.Connection, options), new RedisFindingStore(redis.Connection, options));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task ContentFindings_ArePermanent_AndShareTheFindingsSlot()
    {
        var (store, _) = CreateStores(Options);
        await store.ProposeAsync([Found("p1")], None);
        var db = redis.Connection.GetDatabase();

        Assert.Null(await db.KeyTimeToLiveAsync(Keys.ContentFindings));
        Assert.Equal(redis.Connection.HashSlot(Keys.Findings), redis.Connection.HashSlot(Keys.ContentFindings));
    }

    [Fact]
    public async Task TwoReplicasDecidingAtOnce_GiveOneDecision()
    {
        var (first, _) = CreateStores(Options);
        var (second, _) = CreateStores(Options with { });
        var found = Found("p1");
        await first.ProposeAsync([found], None);

        var results = await Task.WhenAll(
            first.DecideAsync(found.Id, FindingDecision.Confirm, T, "a", "", None),
            second.DecideAsync(found.Id, FindingDecision.Dismiss, T, "b", "误报", None));

        Assert.Single(results, r => r.Outcome == FindingDecisionOutcome.Decided);
        Assert.Single(results, r => r.Outcome == FindingDecisionOutcome.AlreadyDecided);
    }
}
