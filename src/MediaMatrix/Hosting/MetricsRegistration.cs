using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>Wires the scrape-time series into prometheus-net: before each collection, read the store and drain Redis timings.</summary>
internal static class MetricsRegistration
{
    public static IServiceCollection AddScrapeTimeMetrics(this IServiceCollection services, IConfiguration settings)
    {
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
