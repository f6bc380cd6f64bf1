using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisAlertStoreTests(RedisServer redis) : AlertStoreContract, IAsyncLifetime
{
    private RedisKeys Keys => new(Options.KeyPrefix);

    private IServer Server => redis.Connection.GetServers().Single();

    protected override IAlertStore CreateStore(StoreOptions options) => new RedisAlertStore(redis.Connection, options);

    protected override IDecisionStore CreateDecisionStore(StoreOptions options) => new RedisDecisionStore(redis.Connection, options);

    protected override IPeriodClaimStore CreatePeriodClaimStore(StoreOptions options) => new RedisPeriodClaimStore(redis.Connection, options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(Keys.AllKeysPattern);

    [Fact]
    public async Task AlertsAndDecisions_SurviveARestart_ANewStoreOverTheSamePrefixSeesThem()
    {
        var before = CreateStore(Options);
        var open = Unqualified("dh-edu", Now);
        var closed = Overdue("t-1201", Now);
        var decision = Decision.Override("dh-edu", DispositionKind.Close, DispositionKind.Merge, "并入教育局", "王科长", Now);
        await before.OpenAlertAsync(open, None);
        await before.OpenAlertAsync(closed, None);
        await before.UpdateOpenAlertAsync(Resolved(closed, Now.AddHours(5)), Entry(closed, AlertAction.Resolved, Now.AddHours(5)), None);
        await CreateDecisionStore(Options).SaveDecisionAsync(decision, None);

        var after = CreateStore(Options with { });

        Assert.Equal([open.Key], (await after.GetOpenAlertsAsync(None)).Select(a => a.Key));
        Assert.Equal([closed.Key], (await after.GetResolvedAlertsAsync(Now, None)).Select(a => a.Key));
        Assert.Equal([decision], await CreateDecisionStore(Options with { }).GetDecisionsAsync("dh-edu", None));
        Assert.False(await after.OpenAlertAsync(open, None)); // the restarted process does not raise it again
    }

    [Fact]
    public async Task Keys_OpenAlertsAndDecisionsArePermanent_ResolvedOnesExpireAfterRetention()
    {
        var store = CreateStore(Options);
        var open = Unqualified("dh-edu", Now);
        var closed = Overdue("t-1201", Now);
        await store.OpenAlertAsync(open, None);
        await store.OpenAlertAsync(closed, None);
        await store.UpdateOpenAlertAsync(Resolved(closed, Now.AddHours(5)), Entry(closed, AlertAction.Resolved, Now.AddHours(5)), None);
        await CreateDecisionStore(Options).SaveDecisionAsync(Decision.Confirm("dh-edu", DispositionKind.Retain, "正常", "王科长", Now), None);
        await CreatePeriodClaimStore(Options).ClaimPeriodAsync("quarterly-bulletin", "2026Q4", TimeSpan.FromDays(200), None);

        var db = redis.Connection.GetDatabase();
        foreach (var key in new[] { Keys.OpenAlerts, Keys.Alert(open.Key), Keys.AlertAudit(open.Key), Keys.Decisions("dh-edu") })
            Assert.Null(await db.KeyTimeToLiveAsync(key));

        var retention = Options.ResolvedAlertRetention;
        foreach (var key in new[] { Keys.Alert(closed.Key), Keys.AlertAudit(closed.Key), Keys.ResolvedAlerts })
            Assert.InRange(await db.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero, retention - TimeSpan.FromMinutes(1), retention);
        Assert.NotNull(await db.KeyTimeToLiveAsync(Keys.Claim("quarterly-bulletin", "2026Q4")));
    }

    [Fact]
    public async Task AlertJson_KeepsChineseTextAndKebabCaseKinds()
    {
        var store = CreateStore(Options);
        var alert = Unqualified("dh-edu", Now);
        await store.OpenAlertAsync(alert, None);

        var json = (string?)await redis.Connection.GetDatabase().StringGetAsync(Keys.Alert(alert.Key));

        Assert.Contains("检查不合格", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"became-unqualified\"", json, StringComparison.Ordinal);
    }
}
