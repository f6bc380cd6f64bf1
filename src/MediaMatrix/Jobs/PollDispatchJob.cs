using MediaMatrix.Monitoring.Polling;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>
/// Every tick of one shard: poll the accounts that are due. Shards never split accounts among themselves; each claims
/// from the shared due index, which hands every due account to exactly one claimer. Never a trigger per account.
/// Non-concurrent (one run of a shard at a time, cluster-wide) and recoverable (a dead node's run restarts elsewhere).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class PollDispatchJob(PollDispatcher dispatcher, ILogger<PollDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = KeyFor(0);

    public static JobKey KeyFor(int shard) => new($"poll-dispatch-{shard}", "polling");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Operators (and the Q2 test) read from this which node ran which shard, and whether it was a recovery.
        LogDispatch(logger, context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Recovering);
        await dispatcher.DispatchDueAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch {Shard} on {InstanceId} (recovering: {Recovering})")]
    private static partial void LogDispatch(ILogger logger, string shard, string instanceId, bool recovering);
}
