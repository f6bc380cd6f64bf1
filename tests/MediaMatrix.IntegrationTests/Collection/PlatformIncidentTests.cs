using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>
/// Issue 15 point 7 over loopback HTTP on the real redis-server: the simulator takes Weibo down (every source answers
/// 432), the host's own dispatcher and evaluation round run on a fake clock, and the store holds one 平台采集异常 naming
/// the three Weibo accounts and no collection alert of theirs, with their verdicts unknown; Weibo back, the incident
/// resolves and no per-account alert follows.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class PlatformIncidentTests(RedisServer redis)
{
    private static readonly SimulatedAccount[] Cast =
    [
        new("head", "定海山", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active),
        new("dh-fabu", "定海发布", "weibo", "member", "区委宣传部", Topic.Government, SourceFormat.Rss, AccountBehaviour.Active),
        new("dh-police", "平安定海", "weibo", "member", "公安分局", Topic.Police, SourceFormat.Rss, AccountBehaviour.Active),
        new("dh-yjgl", "定海应急", "weibo", "member", "区应急管理局", Topic.Emergency, SourceFormat.Atom, AccountBehaviour.Active),
        new("dh-hrss", "定海人社", "wechat", "member", "区人力社保局", Topic.HumanResources, SourceFormat.Rss, AccountBehaviour.Active),
        new("dh-mz", "定海民政", "wechat", "member", "区民政局", Topic.CivilAffairs, SourceFormat.Atom, AccountBehaviour.Active),
    ];

    private static readonly string[] Weibo = ["dh-fabu", "dh-police", "dh-yjgl"];

    [Fact]
    public async Task WeiboDown_OneIncidentListingItsAccounts_NoCollectionAlerts_VerdictsUnknown_ThenResolvesWhenBack()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = Cast }, CancellationToken.None);
        simulator.TakeDown("weibo", OutageKind.Http432);
        var prefix = $"incident-{Guid.NewGuid():N}";
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var services = Services(simulator, prefix, clock);
        var dispatcher = services.GetRequiredService<PollDispatcher>();
        var round = services.GetRequiredService<EvaluationRound>();
        var alerts = services.GetRequiredService<IAlertStore>();
        try
        {
            // The first round: every account falls due within seconds of scheduling.
            await dispatcher.ScheduleAllAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
            var first = await dispatcher.DispatchDueAsync(CancellationToken.None);
            Assert.Equal(Cast.Length, first.Count);
            Assert.All(first.Where(r => Weibo.Contains(r.AccountId)), r => Assert.Equal(FetchErrorClass.Blocked, r.State.LastErrorClass));
            var down = await round.RunAsync(RoundRequest.Scheduled(clock.GetUtcNow()), CancellationToken.None);

            var open = await alerts.GetOpenAlertsAsync(CancellationToken.None);
            var incident = Assert.Single(open, a => a.Kind == AlertKind.PlatformIncident);
            Assert.Equal("weibo", incident.Subject);
            Assert.Equal(Weibo.Order(), incident.Accounts.Order());
            Assert.StartsWith("微博平台采集异常：3 个账号中 3 个读取失败", incident.TitleZh, StringComparison.Ordinal);
            foreach (var (name, unit, id) in new[] { ("定海发布", "区委宣传部", "dh-fabu"), ("平安定海", "公安分局", "dh-police"), ("定海应急", "区应急管理局", "dh-yjgl") })
                Assert.Contains($"{name} · {unit}（{id}）", incident.TitleZh, StringComparison.Ordinal);
            // Never read, unknown: each would have opened collection-down at once; the incident holds them back.
            Assert.DoesNotContain(open, a => a.Kind is AlertKind.CollectionDown or AlertKind.ExtractionBroken);
            Assert.All(down.Accounts.Where(a => Weibo.Contains(a.Account.Id)), a => Assert.Equal(Verdict.Unknown, a.Evaluation.Verdict));
            Assert.All(down.Accounts.Where(a => !Weibo.Contains(a.Account.Id)), a => Assert.NotEqual(Verdict.Unknown, a.Evaluation.Verdict));
            // A second round while still down changes nothing: still one incident, the same episode.
            Assert.True((await round.RunAsync(RoundRequest.Scheduled(clock.GetUtcNow()), CancellationToken.None)).Alerts.IsEmpty);

            // Weibo back: the failed accounts fall due again on the back-off ladder's first step (a minute).
            simulator.BringBack("weibo");
            clock.Advance(TimeSpan.FromMinutes(2));
            var again = await dispatcher.DispatchDueAsync(CancellationToken.None);
            Assert.Equal(Weibo.Order(), again.Select(r => r.AccountId).Order());
            Assert.All(again, r => Assert.Equal(0, r.State.ConsecutiveFailures));
            var back = await round.RunAsync(RoundRequest.Scheduled(clock.GetUtcNow()), CancellationToken.None);

            Assert.Equal([incident.Key], back.Alerts.Resolved.Select(a => a.Key));
            var after = await alerts.GetOpenAlertsAsync(CancellationToken.None);
            Assert.DoesNotContain(after, a => a.Kind is AlertKind.PlatformIncident or AlertKind.CollectionDown or AlertKind.ExtractionBroken);
            Assert.Equal(AlertStatus.Resolved, (await alerts.GetAlertAsync(incident.Key, CancellationToken.None))?.Status);
            Assert.All(back.Accounts.Where(a => Weibo.Contains(a.Account.Id)), a => Assert.NotEqual(Verdict.Unknown, a.Evaluation.Verdict));
        }
        finally
        {
            await redis.DeleteKeysAsync(new RedisKeys(prefix).AllKeysPattern);
        }
    }

    private ServiceProvider Services(SimulatorHost simulator, string prefix, FakeTimeProvider clock)
    {
        var loaded = MatrixConfigLoader.LoadFromText(DemoMatrixYaml.Render(simulator.BaseUrl, Cast), "matrix.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Kind"] = "redis",
            ["Redis:Configuration"] = redis.EndPoint,
            ["Store:KeyPrefix"] = prefix,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMonitoring(settings, loaded.Config!);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        // Every source is on one loopback host: the per-host breaker must not trip on the blocked half and refuse the rest.
        var fetch = new FetchOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 0,
            BreakerMinimumThroughput = 1000,
        };
        services.Replace(ServiceDescriptor.Singleton(fetch.Validate()));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
