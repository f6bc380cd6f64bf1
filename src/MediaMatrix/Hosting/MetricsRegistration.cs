using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>Wires the scrape-time series into prometheus-net: each scrape of /metrics reads this host's store and drains its
/// Redis timings, then exports.</summary>
internal static partial class MetricsRegistration
{
    // prometheus-net's registry is process-wide. A scrape sets the gauges from its own host's store and exports them while
    // holding this gate, so two scrapes never interleave their updates, and with several hosts in one process (the tests)
    // each /metrics answers its own store. A registry callback could only call one host: one that started later, or none
    // once that one stopped, and the first host's gauges then went stale.
    private static readonly SemaphoreSlim Scraping = new(1, 1);

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
        services.AddSingleton<ScrapeUpdate>();
        return services;
    }

    /// <summary>Before /metrics answers (on either port): this host's figures into the gauges, then the export, under the gate.</summary>
    public static WebApplication UseScrapeTimeSeries(this WebApplication app)
    {
        var update = app.Services.GetRequiredService<ScrapeUpdate>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.Equals(HealthEndpoints.MetricsPath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            await Scraping.WaitAsync(context.RequestAborted);
            try
            {
                await update.UpdateAsync(context.RequestAborted);
                await next(context);
            }
            finally
            {
                Scraping.Release();
            }
        });
        return app;
    }

    private sealed partial class ScrapeUpdate(ScrapeTimeSeries series, RedisCommandTiming redis, ILogger<ScrapeUpdate> logger)
    {
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
