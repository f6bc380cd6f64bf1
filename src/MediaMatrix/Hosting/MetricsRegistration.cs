using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>Wires the scrape-time series into prometheus-net: before each collection, read the store and drain Redis timings.</summary>
internal static class MetricsRegistration
{
    public static IServiceCollection AddScrapeTimeMetrics(this IServiceCollection services, IConfiguration settings)
    {
        // The .NET event-counter and meter bridges add ~150 series whose names break Prometheus conventions
        // (promtool check metrics rejects them) and eat into the M1 budget; the process_* metrics stay.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true, SuppressDebugMetrics = true });
        services.AddSingleton(settings.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions());
        services.AddSingleton<ScrapeTimeSeries>();
        services.AddSingleton<RedisCommandTiming>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisCommandTiming>());
        services.AddHostedService<RegisterOnStart>();
        return services;
    }

    private sealed class RegisterOnStart(ScrapeTimeSeries series, RedisCommandTiming redis) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Metrics.DefaultRegistry.AddBeforeCollectCallback(async ct =>
            {
                redis.Drain();
                await series.UpdateAsync(ct);
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
