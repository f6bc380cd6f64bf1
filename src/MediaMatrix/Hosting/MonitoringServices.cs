using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace MediaMatrix.Hosting;

/// <summary>The engine's object graph, shared by <c>check</c> and <c>serve</c>. Tests swap <see cref="TimeProvider"/> by registering theirs first.</summary>
internal static class MonitoringServices
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration settings, MatrixConfig matrix)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(matrix);
        services.AddSingleton(FetchSettings(settings));
        services.AddSingleton(Bind<PollOptions>(settings, "Polling"));
        services.AddSingleton(Bind<AssessmentOptions>(settings, "Assessment").Validate());
        services.AddSingleton(Bind<StoreOptions>(settings, "Store"));
        services.AddSingleton(sp => new SourceFetcher(
            SourceHttpClient.Create(sp.GetRequiredService<FetchOptions>(), matrix.Matrix.AllowPrivateNetworks),
            sp.GetRequiredService<FetchOptions>(), sp.GetRequiredService<TimeProvider>()));
        AddStore(services, settings);
        services.AddSingleton<PollSchedule>();
        services.AddSingleton<AccountPoller>();
        services.AddSingleton<PollDispatcher>();
        services.AddSingleton(Bind<TaskMatchOptions>(settings, "Tasks"));
        services.TryAddSingleton(Bind<AlertOptions>(settings, "Alerts"));
        services.TryAddSingleton<AlertService>();
        services.AddSingleton<EvaluationRound>();
        services.AddSingleton<BulletinService>();
        return services;
    }

    private static void AddStore(IServiceCollection services, IConfiguration settings)
    {
        var kind = settings["Store:Kind"] ?? "memory";
        switch (kind.ToLowerInvariant())
        {
            case "memory":
                services.AddSingleton<IPostStore>(sp => new InMemoryPostStore(sp.GetRequiredService<StoreOptions>()));
                services.AddSingleton<IEvaluationStore>(sp => new InMemoryEvaluationStore(sp.GetRequiredService<StoreOptions>()));
                services.AddSingleton<IAlertStore, InMemoryAlertStore>();
                services.AddSingleton<IDecisionStore, InMemoryDecisionStore>();
                services.AddSingleton<INoticeStore, InMemoryNoticeStore>();
                services.AddSingleton<IDigestStore, InMemoryDigestStore>();
                services.AddSingleton<IPeriodClaimStore, InMemoryPeriodClaimStore>();
                services.AddSingleton<ITaskStore, InMemoryTaskStore>();
                services.AddSingleton<IFindingStore, InMemoryFindingStore>();
                break;
            case "redis":
                var configuration = settings["Redis:Configuration"] ?? "127.0.0.1:6379";

                // One multiplexer for every store: it is built to be shared, and each would otherwise open its own connections.
                services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration(configuration)));
                OnRedis<IPostStore>(services, (redis, options) => new RedisPostStore(redis, options));
                OnRedis<IEvaluationStore>(services, (redis, options) => new RedisEvaluationStore(redis, options));
                OnRedis<IAlertStore>(services, (redis, options) => new RedisAlertStore(redis, options));
                OnRedis<IDecisionStore>(services, (redis, options) => new RedisDecisionStore(redis, options));
                OnRedis<INoticeStore>(services, (redis, options) => new RedisNoticeStore(redis, options));
                OnRedis<IDigestStore>(services, (redis, options) => new RedisDigestStore(redis, options));
                OnRedis<IPeriodClaimStore>(services, (redis, options) => new RedisPeriodClaimStore(redis, options));
                OnRedis<ITaskStore>(services, (redis, options) => new RedisTaskStore(redis, options));
                OnRedis<IFindingStore>(services, (redis, options) => new RedisFindingStore(redis, options));
                break;
            default:
                throw new Hosting.SettingsException($"Store:Kind: unknown store '{kind}'; use memory or redis");
        }
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

    /// <summary>The <c>Fetch</c> section, checked now so a bad proxy stops start-up with the key's name instead of failing every poll.</summary>
    /// <exception cref="SettingsException"><c>Fetch:Proxy</c> is not a usable proxy URL.</exception>
    public static FetchOptions FetchSettings(IConfiguration settings)
    {
        var options = Bind<FetchOptions>(settings, "Fetch");
        return SourceProxy.Check(options.Proxy, out _) is { } problem ? throw new SettingsException($"Fetch:Proxy: {problem}") : options;
    }

    private static T Bind<T>(IConfiguration settings, string section)
        where T : new() => settings.GetSection(section).Get<T>() ?? new T();
}
