using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using StackExchange.Redis;

namespace MediaMatrix.Hosting;

/// <summary>
/// The engine's features, each registered by one method: the matrix and the clock, the store, collection (fetch and
/// poll) and evaluation. <c>check</c>, <c>bulletin</c> and <c>digest</c> use <see cref="AddMonitoring"/>; <c>serve</c>
/// lists the same methods one by one in <see cref="MonitorHost"/>. Each reads and checks its own settings section.
/// </summary>
internal static class MonitoringServices
{
    /// <summary>The engine without a schedule, for the one-shot verbs (their rounds only look: no alert is stored).</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration settings, MatrixConfig matrix) =>
        services.AddMatrix(matrix).AddStore(settings).AddCollection(settings).AddEvaluation(settings).AddAlerts(settings);

    /// <summary>The matrix config and the clock (tests replace <see cref="TimeProvider"/> after every registration).</summary>
    public static IServiceCollection AddMatrix(this IServiceCollection services, MatrixConfig matrix)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(matrix);
        return services;
    }

    /// <summary>Where posts, poll states, evaluations, alerts and findings live: in process, or Redis (<c>Store:Kind</c>).</summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(SettingsSection.Read<StoreOptions>(settings, "Store", o => o.Validate()));
        var kind = settings["Store:Kind"] ?? "memory";
        switch (kind.ToLowerInvariant())
        {
            case "memory":
                services.AddSingleton<IPostStore>(sp => new InMemoryPostStore(sp.GetRequiredService<StoreOptions>()));
                services.AddSingleton<IEvaluationStore>(sp => new InMemoryEvaluationStore(sp.GetRequiredService<StoreOptions>()));
                services.AddSingleton<IAlertStore, InMemoryAlertStore>();
                services.AddSingleton<IDecisionStore, InMemoryDecisionStore>();
                services.AddSingleton<ICaseStore, InMemoryCaseStore>();
                services.AddSingleton<INoticeStore, InMemoryNoticeStore>();
                services.AddSingleton<IDigestStore, InMemoryDigestStore>();
                services.AddSingleton<IPeriodClaimStore, InMemoryPeriodClaimStore>();
                services.AddSingleton<ITaskStore, InMemoryTaskStore>();
                services.AddSingleton<InMemoryFindingStore>();
                services.AddSingleton<IFindingStore>(sp => sp.GetRequiredService<InMemoryFindingStore>());
                services.AddSingleton<IContentFindingStore>(sp => new InMemoryContentFindingStore(sp.GetRequiredService<InMemoryFindingStore>()));
                break;
            case "redis":
                var configuration = settings["Redis:Configuration"] ?? "127.0.0.1:6379";

                // One multiplexer for every store: it is built to be shared, and each would otherwise open its own connections.
                services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration(configuration)));
                OnRedis<IPostStore>(services, (redis, options) => new RedisPostStore(redis, options));
                OnRedis<IEvaluationStore>(services, (redis, options) => new RedisEvaluationStore(redis, options));
                OnRedis<IAlertStore>(services, (redis, options) => new RedisAlertStore(redis, options));
                OnRedis<IDecisionStore>(services, (redis, options) => new RedisDecisionStore(redis, options));
                OnRedis<ICaseStore>(services, (redis, options) => new RedisCaseStore(redis, options));
                OnRedis<INoticeStore>(services, (redis, options) => new RedisNoticeStore(redis, options));
                OnRedis<IDigestStore>(services, (redis, options) => new RedisDigestStore(redis, options));
                OnRedis<IPeriodClaimStore>(services, (redis, options) => new RedisPeriodClaimStore(redis, options));
                OnRedis<ITaskStore>(services, (redis, options) => new RedisTaskStore(redis, options));
                OnRedis<IFindingStore>(services, (redis, options) => new RedisFindingStore(redis, options));
                OnRedis<IContentFindingStore>(services, (redis, options) => new RedisContentFindingStore(redis, options));
                break;
            default:
                throw new SettingsException($"Store:Kind: unknown store '{kind}'; use memory or redis");
        }

        return services;
    }

    /// <summary>Collection: the fetcher (sections <c>Fetch</c>), the poll schedule, the poller and the dispatcher (<c>Polling</c>).</summary>
    public static IServiceCollection AddCollection(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(FetchSettings(settings));
        services.AddSingleton(SettingsSection.Read<PollOptions>(settings, "Polling", o => o.Validate()));
        services.AddSingleton(sp => new SourceFetcher(
            SourceHttpClient.Create(sp.GetRequiredService<FetchOptions>(), sp.GetRequiredService<MatrixConfig>().Matrix.AllowPrivateNetworks),
            sp.GetRequiredService<FetchOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PollSchedule>();
        services.AddSingleton<AccountPoller>();
        services.AddSingleton<PollDispatcher>();
        return services;
    }

    /// <summary>Evaluation: the rubric (<c>Assessment</c>), task matching (<c>Tasks</c>), cleanup cases (<c>Cleanup</c>), the evaluation round, the bulletins it feeds
    /// and this process's latest report. The round raises alerts through <see cref="AlertingServices.AddAlerts"/>.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration settings)
    {
        var evaluation = EvaluationSettingsOf(settings);
        services.AddSingleton(evaluation);
        services.AddSingleton(sp => evaluation.ApplyTo(sp.GetRequiredService<MatrixConfig>().Pack.Options));
        services.AddSingleton(SettingsSection.Read<TaskMatchOptions>(settings, "Tasks", o => o.Validate()));
        services.AddSingleton(sp => Monitoring.Content.ContentChecks.For(sp.GetRequiredService<MatrixConfig>()));
        services.AddSingleton(SettingsSection.Read<CaseOptions>(settings, "Cleanup", o => o.Validate()));
        services.AddSingleton<CaseService>();
        services.AddSingleton<EvaluationRound>();
        services.AddSingleton<BulletinService>();
        services.AddSingleton<LatestReport>();
        return services;
    }

    /// <summary>The operational <c>Assessment</c> settings; a rubric number left there from before rule packs stops start-up
    /// with its key, since the pack now decides it.</summary>
    /// <exception cref="SettingsException">A rule key is set, or a value is out of range.</exception>
    public static EvaluationSettings EvaluationSettingsOf(IConfiguration settings)
    {
        var section = settings.GetSection("Assessment");
        foreach (var key in EvaluationSettings.RuleKeys)
        {
            if (section.GetSection(key).Exists())
                throw new SettingsException($"Assessment:{key}: this is a rule, not a setting: set it in the matrix's rule pack (rules: pack / overrides, see config/rules/README.md)");
        }

        return SettingsSection.Read<EvaluationSettings>(settings, "Assessment", o => o.Validate());
    }

    private static void OnRedis<TStore>(IServiceCollection services, Func<IConnectionMultiplexer, StoreOptions, TStore> create)
        where TStore : class =>
        services.AddSingleton(sp => create(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<StoreOptions>()));

    // Keep running while Redis is away (reliability R3): reconnect in the background instead of failing start-up.
    private static ConfigurationOptions RedisConfiguration(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        // Health reads appendonly and maxmemory-policy with CONFIG GET (reliability R1), an admin command.
        options.AllowAdmin = true;
        // While Redis is away, fail each command at once instead of queueing it until reconnect (R3):
        // a poll's write is then either confirmed or reported failed and counted, never silently
        // held in memory, and the account simply stays due for the next tick.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    /// <summary>The checked <c>Fetch</c> section (a bad proxy stops start-up with the key's name instead of failing every poll).</summary>
    /// <exception cref="SettingsException">A value in <c>Fetch</c> is out of range, or <c>Fetch:Proxy</c> is not a usable proxy URL.</exception>
    public static FetchOptions FetchSettings(IConfiguration settings) => SettingsSection.Read<FetchOptions>(settings, "Fetch", o => o.Validate());
}
