using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Polling;
using Quartz;
using StackExchange.Redis;

namespace MediaMatrix.Jobs;

/// <summary>
/// Every tick of one shard: poll the accounts that are due. Shards never split accounts among themselves; each claims
/// from the shared due index, which hands every due account to exactly one claimer. Never a trigger per account.
/// Non-concurrent (one run of a shard at a time, cluster-wide) and recoverable (a dead node's run restarts elsewhere).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class PollDispatchJob(PollDispatcher dispatcher, LatestReport latest, FirstReads firstReads, ILogger<PollDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = KeyFor(0);

    public static JobKey KeyFor(int shard) => new($"poll-dispatch-{shard}", "polling");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Operators (and the Q2 test) read from this which node ran which shard, and whether it was a recovery.
        LogDispatch(logger, context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Recovering);
        try
        {
            var polled = await dispatcher.DispatchDueAsync(cancellationToken);
            if (firstReads.Landed(latest.Current, polled))
            {
                // An account read for the first time (or again after its source failed) would otherwise wait for the next
                // evaluation, up to Scheduler:EvaluationInterval: a new install showed 数据不足 everywhere for five minutes.
                LogFirstReads(logger, context.JobDetail.Key.Name);
                await context.Scheduler.TriggerJob(EvaluationJob.Key, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // Redis away (reliability R3): nothing was claimed, so nothing is lost; the next tick tries again and the
            // multiplexer reconnects on its own. Counted for the alert rules, logged once per tick.
            MatrixMetrics.StoreErrors.WithLabels("claim").Inc();
            LogStoreUnavailable(logger, ex, context.JobDetail.Key.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch {Shard}: the store is unavailable; retrying next tick")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception, string shard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch {Shard}: accounts read that the latest evaluation could not judge; evaluating now")]
    private static partial void LogFirstReads(ILogger logger, string shard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch {Shard} on {InstanceId} (recovering: {Recovering})")]
    private static partial void LogDispatch(ILogger logger, string shard, string instanceId, bool recovering);
}
