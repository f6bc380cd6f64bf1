using MediaMatrix.Monitoring.Diagnostics;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace MediaMatrix.Hosting;

/// <summary>
/// Redis latency from the client's own profiler: every command the multiplexer runs is recorded in one session,
/// drained into <see cref="MatrixMetrics.RedisCommandDuration"/> every few seconds (and before each scrape). No wrapper
/// around the store's call sites, so new store methods are timed without anyone remembering to.
/// </summary>
internal sealed class RedisCommandTiming(IServiceProvider services, TimeProvider time) : BackgroundService
{
    private readonly ProfilingSession session = new();
    private bool registered;

    public void Drain()
    {
        if (!registered)
            return;
        foreach (var command in session.FinishProfiling())
            MatrixMetrics.RedisCommandDuration.WithLabels(command.Command).Observe(command.ElapsedTime.TotalSeconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only the Redis store registers a multiplexer; with the in-memory store there is nothing to time.
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
            return;
        redis.RegisterProfiler(() => session);
        registered = true;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Drain();
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
