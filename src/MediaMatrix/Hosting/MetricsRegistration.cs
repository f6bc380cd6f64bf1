using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>Wires the scrape-time series into prometheus-net: before each collection, read the store and drain Redis timings.</summary>
internal static partial class MetricsRegistration
{
    // prometheus-net's registry is process-wide and its callbacks cannot be removed, so one callback is registered
    // once and calls whichever host is running now (tests start and stop several hosts in one process).
    private static readonly Lock Gate = new();
    private static RegisterOnStart? current;
    private static bool callbackRegistered;

    /// <summary>/metrics: the evaluation's per-account snapshots (<see cref="MatrixGauges"/>), read back at scrape time
    /// with the Redis timings (<c>Metrics</c> caps the series).</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration settings)
    {
        // The .NET event-counter and meter bridges add ~150 series whose names break Prometheus conventions
        // (promtool check metrics rejects them) and eat into the M1 budget; the process_* metrics stay.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true, SuppressDebugMetrics = true });
        services.AddSingleton(SettingsSection.Read<MetricsOptions>(settings, "Metrics", o => o.Validate()));
        MetricsPort.Read(settings); // checked here with the rest of the section; the host reads it again to listen
        services.AddSingleton<MatrixGauges>();
        services.AddSingleton<ScrapeTimeSeries>();
        services.AddSingleton<RedisCommandTiming>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisCommandTiming>());
        services.AddHostedService<RegisterOnStart>();
        return services;
    }

    private static async Task BeforeCollectAsync(CancellationToken cancellationToken)
    {
        RegisterOnStart? host;
        lock (Gate)
            host = current;
        if (host is not null)
            await host.UpdateAsync(cancellationToken);
    }

    private sealed partial class RegisterOnStart(ScrapeTimeSeries series, RedisCommandTiming redis, ILogger<RegisterOnStart> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lock (Gate)
            {
                current = this;
                if (!callbackRegistered)
                    Metrics.DefaultRegistry.AddBeforeCollectCallback(BeforeCollectAsync);
                callbackRegistered = true;
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            lock (Gate)
            {
                if (current == this)
                    current = null;
            }

            return Task.CompletedTask;
        }

        public async Task UpdateAsync(CancellationToken cancellationToken)
        {
            redis.Drain();
            try
            {
                await series.UpdateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Redis away (R3): serve the process metrics and the last store figures rather than fail the scrape.
                LogStoreUnreadable(logger, ex);
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "/metrics: could not read the store; per-account and matrix series keep their last values")]
        private static partial void LogStoreUnreadable(ILogger logger, Exception exception);
    }
}
