using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Time.Testing;
using static MediaMatrix.IntegrationTests.Notifications.NoticeCast;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>Two replicas over one Redis: each transition and each reminder reaches a route once, whichever replica
/// evaluates or sweeps, and a transition whose notice was lost (a replica died between the store write and the queue)
/// is sent once by the sweeps.</summary>
[Collection(NotificationCollection.Name)]
public sealed class NotificationClusterTests(RedisServer redis) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly StoreOptions storeOptions = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(new RedisKeys(storeOptions.KeyPrefix).AllKeysPattern);

    [Fact]
    public async Task TwoReplicas_SameEvaluationsAndSweeps_EachNoticeOncePerRoute()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer();
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Routes:0:Kind"] = "wecom",
            ["Notifications:Routes:0:Url"] = new Uri(robots.BaseUrl, "wecom?key=k").AbsoluteUri,
            ["Notifications:Routes:0:ReminderInterval"] = "4h",
            ["Notifications:Routes:1:Kind"] = "email",
            ["Notifications:Routes:1:Recipients"] = "office@dinghai.example.gov.cn",
            ["Notifications:Routes:1:ReminderInterval"] = "4h",
        };
        var clock1 = new FakeTimeProvider(T0);
        var clock2 = new FakeTimeProvider(T0);
        await using var replica1 = await NoticeRig.StartAsync(settings, smtp, NoticeStores.OnRedis(redis.Connection, storeOptions), clock1);
        await using var replica2 = await NoticeRig.StartAsync(settings, smtp, NoticeStores.OnRedis(redis.Connection, storeOptions with { }), clock2);

        // Both replicas evaluate the same instant at once (two schedulers, or a re-fired job).
        await Task.WhenAll(
            replica1.RaiseAsync([Unqualified("dh-edu", T0)], T0),
            replica2.RaiseAsync([Unqualified("dh-edu", T0)], T0));
        await Task.WhenAll(replica1.IdleAsync(), replica2.IdleAsync());
        Assert.Single(robots.To("/wecom"));
        Assert.Single(smtp.Acknowledged);

        // A replica wrote an alert and died before queueing its notice: the sweeps of both find it; one sends it.
        var lost = Opened(AlertKind.BecameWeak, "dh-hrss", T0, "dh-hrss 弱运营：连续多次得分偏低");
        Assert.True(await replica1.Stores.Alerts.OpenAlertAsync(lost, None));
        await Task.WhenAll(replica1.SweepAsync(), replica2.SweepAsync(), replica1.SweepAsync(), replica2.SweepAsync());
        Assert.Equal(2, robots.To("/wecom").Count);
        Assert.Equal(2, smtp.Acknowledged.Count);

        // Reminders: both replicas sweep, several times, past the interval: one reminder per alert per route.
        clock1.Advance(TimeSpan.FromHours(4.1));
        clock2.Advance(TimeSpan.FromHours(4.1));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? replica1 : replica2).SweepAsync()));
        Assert.Equal(4, robots.To("/wecom").Count);
        Assert.Equal(4, smtp.Acknowledged.Count);

        // A restarted replica (a new outbox owner) sends nothing again.
        await using var restarted = await NoticeRig.StartAsync(settings, smtp, NoticeStores.OnRedis(redis.Connection, storeOptions with { }), clock1);
        await restarted.SweepAsync();
        Assert.Equal(4, robots.To("/wecom").Count);
        Assert.Equal(4, smtp.Acknowledged.Count);
    }
}
