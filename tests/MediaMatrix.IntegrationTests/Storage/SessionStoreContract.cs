using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>What every session store promises: a started session is live for its user only, until it is ended, all
/// of its user's sessions are ended, or its TTL runs out; renewing never brings an ended session back.</summary>
public abstract class SessionStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly TimeSpan Ttl = TimeSpan.FromHours(10);

    protected string Prefix { get; } = $"mmtest-{Guid.NewGuid():N}";

    protected abstract ISessionStore CreateStore();

    [Fact]
    public async Task Started_IsLiveForItsUserOnly()
    {
        var store = CreateStore();

        await store.StartAsync("zhang", "s1", Ttl, None);

        Assert.True(await store.IsLiveAsync("zhang", "s1", None));
        Assert.False(await store.IsLiveAsync("li", "s1", None)); // a cookie edited to another name names no session
        Assert.False(await store.IsLiveAsync("zhang", "s2", None));
    }

    [Fact]
    public async Task End_EndsThatSessionOnly_AndRenewDoesNotBringItBack()
    {
        var store = CreateStore();
        await store.StartAsync("zhang", "s1", Ttl, None);
        await store.StartAsync("zhang", "s2", Ttl, None);

        await store.EndAsync("zhang", "s1", None);
        await store.RenewAsync("zhang", "s1", Ttl, None);

        Assert.False(await store.IsLiveAsync("zhang", "s1", None));
        Assert.True(await store.IsLiveAsync("zhang", "s2", None));
    }

    [Fact]
    public async Task EndAll_EndsEverySessionOfThatUser_NotOthers()
    {
        var store = CreateStore();
        await store.StartAsync("zhang", "s1", Ttl, None);
        await store.StartAsync("zhang", "s2", Ttl, None);
        await store.StartAsync("li", "s3", Ttl, None);

        await store.EndAllAsync("zhang", None);

        Assert.False(await store.IsLiveAsync("zhang", "s1", None));
        Assert.False(await store.IsLiveAsync("zhang", "s2", None));
        Assert.True(await store.IsLiveAsync("li", "s3", None));

        await store.StartAsync("zhang", "s4", Ttl, None); // logging in again afterwards works
        Assert.True(await store.IsLiveAsync("zhang", "s4", None));
    }

    [Fact]
    public async Task TwoStoresOverOneBackingStore_AreTwoReplicas_AnEndOnOneIsSeenByTheOther()
    {
        var a = CreateStore();
        var b = CreateStore();
        await a.StartAsync("zhang", "s1", Ttl, None);

        Assert.True(await b.IsLiveAsync("zhang", "s1", None));
        await a.EndAsync("zhang", "s1", None);
        Assert.False(await b.IsLiveAsync("zhang", "s1", None));
    }
}
