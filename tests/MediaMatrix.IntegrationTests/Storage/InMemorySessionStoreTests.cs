using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Time.Testing;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemorySessionStoreTests : SessionStoreContract
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    private InMemorySessionStore? shared;

    // One process, one store: "two replicas" over the embedded store are two references to it.
    protected override ISessionStore CreateStore() => shared ??= new InMemorySessionStore(time);

    [Fact]
    public async Task Session_LapsesAfterItsTtl_UnlessRenewedFirst()
    {
        var store = CreateStore();
        await store.StartAsync("zhang", "kept", Ttl, None);
        await store.StartAsync("zhang", "lapsed", Ttl, None);

        time.Advance(Ttl - TimeSpan.FromMinutes(1));
        await store.RenewAsync("zhang", "kept", Ttl, None);
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await store.IsLiveAsync("zhang", "kept", None));
        Assert.False(await store.IsLiveAsync("zhang", "lapsed", None));
        await store.RenewAsync("zhang", "lapsed", Ttl, None); // too late: a lapsed session stays lapsed
        Assert.False(await store.IsLiveAsync("zhang", "lapsed", None));
    }
}
