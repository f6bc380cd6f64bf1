using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Jobs;
using MediaMatrix.Monitoring.Storage;
using Npgsql;
using StackExchange.Redis;

namespace MediaMatrix.Hosting;

/// <summary>What /readyz reports: whether this replica can do its work now, and why not.</summary>
internal sealed record ReadinessReport(bool Ready, IReadOnlyList<string> Lines);

/// <summary>
/// Ready when the store answers (Redis PING) and, when clustered, PostgreSQL answers. A store that answers but is not
/// durable (R1) is reported as degraded and still ready: taking the replica out of service would not make Redis safer.
/// </summary>
internal sealed class Readiness(IServiceProvider services, SchedulerSettings scheduler)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var ready = true;
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync().WaitAsync(ProbeTimeout, cancellationToken);
                var health = await RedisHealth.CheckAsync(redis).WaitAsync(ProbeTimeout, cancellationToken);
                MatrixMetrics.StoreDegraded.Set(health.Healthy ? 0 : 1);
                lines.Add(health.Healthy
                    ? $"store: redis ok ({latency.TotalMilliseconds:F0} ms; {health.Reason})"
                    : $"store: redis degraded: {health.Reason}");
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                ready = false;
                lines.Add($"store: redis unreachable: {ex.Message}");
            }
        }
        else
        {
            lines.Add("store: in-process (nothing survives a restart)");
        }

        if (scheduler.Clustered)
        {
            try
            {
                await PingPostgresAsync(cancellationToken);
                lines.Add("scheduler: postgresql ok");
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                ready = false;
                lines.Add($"scheduler: postgresql unreachable: {ex.Message}");
            }
        }

        return new ReadinessReport(ready, lines);
    }

    private async Task PingPostgresAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        await using var connection = new NpgsqlConnection(scheduler.PostgreSql);
        await connection.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(timeout.Token);
    }
}
