using Quartz;

namespace MediaMatrix.ClusterNode;

/// <summary>A fast job whose only side effect is its ledger row.</summary>
public sealed class LedgerJob(Ledger ledger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = context.Scheduler.TimeProvider.GetUtcNow();
        await ledger.RecordStartAsync(context.Trigger.Key.Name, context.ScheduledFireTimeUtc ?? now, context.Scheduler.SchedulerInstanceId, now, context.Recovering);
    }
}

/// <summary>A job that must never overlap itself, anywhere in the cluster, and runs longer than its interval.</summary>
[DisallowConcurrentExecution]
public sealed class SlowNoOverlapJob(Ledger ledger) : IJob
{
    public static readonly TimeSpan RunTime = TimeSpan.FromMilliseconds(900);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var time = context.Scheduler.TimeProvider;
        var scheduled = context.ScheduledFireTimeUtc ?? time.GetUtcNow();
        await ledger.RecordStartAsync(context.Trigger.Key.Name, scheduled, context.Scheduler.SchedulerInstanceId, time.GetUtcNow(), context.Recovering);
        await Task.Delay(RunTime, CancellationToken.None);
        await ledger.RecordEndAsync(context.Trigger.Key.Name, scheduled, time.GetUtcNow());
    }
}
