using MediaMatrix.Monitoring.Assessment;
using System.Diagnostics;
using System.Globalization;
using MediaMatrix.Digest;
using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>Tests that send notifications run one at a time, so the counter deltas a test reads are its own. The
/// cluster test needs Redis, so the collection shares the server the way the Redis collection does.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "notifications";
}

/// <summary>
/// One replica's alerting and notification pieces from <c>serve</c>'s own feature registrations (AlertService → counters
/// and notices → outbox → robots and SMTP; the sweep) over a store the test chooses, without Quartz: the test drives
/// evaluations and sweeps and owns the clock.
/// </summary>
internal sealed class NoticeRig : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private NoticeRig(ServiceProvider provider, NoticeStores stores)
    {
        _provider = provider;
        Stores = stores;
        Options = provider.GetRequiredService<NotificationOptions>();
        Outbox = provider.GetRequiredService<NoticeOutbox>();
        Sweep = provider.GetRequiredService<NoticeSweep>();
        Alerts = provider.GetRequiredService<AlertService>();
    }

    public NoticeStores Stores { get; }

    public NotificationOptions Options { get; }

    public NoticeOutbox Outbox { get; }

    public NoticeSweep Sweep { get; }

    public AlertService Alerts { get; }

    /// <summary>What an evaluation round does with these evaluations' alerts (<see cref="AlertRaise"/>).</summary>
    public Task<AlertChanges> RaiseAsync(IReadOnlyList<Evaluation> evaluations, DateTimeOffset at) =>
        Alerts.RaiseAsync(Stores.Alerts, Stores.Posts, evaluations, at);

    /// <summary>The routes most tests use: every kind, with the filters the flow test checks.</summary>
    public static Dictionary<string, string?> AllRoutes(RobotServer robots) => new()
    {
        ["Notifications:BaseUrl"] = "https://mm.dinghai.example.gov.cn/",
        ["Notifications:Routes:0:Kind"] = "wecom",
        ["Notifications:Routes:0:Url"] = new Uri(robots.BaseUrl, "wecom?key=k").AbsoluteUri,
        ["Notifications:Routes:0:ReminderInterval"] = "4h",
        ["Notifications:Routes:1:Kind"] = "dingtalk",
        ["Notifications:Routes:1:Url"] = new Uri(robots.BaseUrl, "dingtalk?access_token=t").AbsoluteUri,
        ["Notifications:Routes:1:Secret"] = NoticeCast.Secret,
        ["Notifications:Routes:1:Departments:0"] = "区教育局",
        ["Notifications:Routes:1:ReminderInterval"] = "0",
        ["Notifications:Routes:2:Kind"] = "feishu",
        ["Notifications:Routes:2:Url"] = new Uri(robots.BaseUrl, "feishu").AbsoluteUri,
        ["Notifications:Routes:2:Secret"] = NoticeCast.Secret,
        ["Notifications:Routes:2:MinSeverity"] = "critical",
        ["Notifications:Routes:2:ReminderInterval"] = "0",
        ["Notifications:Routes:3:Kind"] = "webhook",
        ["Notifications:Routes:3:Url"] = new Uri(robots.BaseUrl, "hook").AbsoluteUri,
        ["Notifications:Routes:3:MinSeverity"] = "info",
        ["Notifications:Routes:3:ReminderInterval"] = "4h",
        ["Notifications:Routes:4:Kind"] = "email",
        ["Notifications:Routes:4:Recipients"] = "office@dinghai.example.gov.cn,edu@dinghai.example.gov.cn",
        ["Notifications:Routes:4:ReminderInterval"] = "0",
    };

    public static async Task<NoticeRig> StartAsync(
        IReadOnlyDictionary<string, string?> notificationSettings, LoopbackSmtpServer smtpServer, NoticeStores stores, TimeProvider time, MatrixConfig? matrix = null)
    {
        matrix ??= NoticeCast.Matrix();
        var values = new Dictionary<string, string?>(notificationSettings)
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpServer.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:From"] = "MediaMatrix <noreply@dinghai.example.gov.cn>",
            ["Smtp:Timeout"] = "00:00:10",
        };
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging()
            .AddMatrix(matrix).AddStore(settings).AddEvaluation(settings).AddAlerts(settings).AddSmtp(settings).AddAlertNotifications(settings, matrix);
        // The test's stores and clock, after every registration (as a host's test override does).
        services.Replace(ServiceDescriptor.Singleton(stores.Alerts));
        services.Replace(ServiceDescriptor.Singleton(stores.Notices));
        services.Replace(ServiceDescriptor.Singleton(stores.Posts));
        services.Replace(ServiceDescriptor.Singleton(time));
        var rig = new NoticeRig(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), stores);
        await rig.Outbox.StartAsync(CancellationToken.None);
        return rig;
    }

    /// <summary>Waits until nothing is queued or in flight here: every delivery queued so far has ended.</summary>
    public async Task IdleAsync(TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (!Outbox.IsIdle)
        {
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
                throw new TimeoutException("notices still pending");
            await Task.Delay(10);
        }
    }

    /// <summary>A sweep, then its deliveries.</summary>
    public async Task<int> SweepAsync()
    {
        var queued = await Sweep.SweepAsync(CancellationToken.None);
        await IdleAsync();
        return queued;
    }

    public async ValueTask DisposeAsync()
    {
        await Outbox.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
