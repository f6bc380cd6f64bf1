using MediaMatrix.Monitoring.Diagnostics;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>Counts every Quartz job run, failure and misfire (the "scheduler stalled" alert reads the last-success time).</summary>
internal sealed class JobMetricsListener(TimeProvider time) : IJobListener, ITriggerListener
{
    public string Name => "mediamatrix-metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        MatrixMetrics.JobRuns.WithLabels(job, jobException is null ? "ok" : "failed").Inc();
        MatrixMetrics.JobDuration.WithLabels(job).Observe(context.JobRunTime.TotalSeconds);
        if (jobException is null)
            MatrixMetrics.JobLastSuccess.WithLabels(job).Set(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        MatrixMetrics.JobMisfires.WithLabels(trigger.JobKey.Name).Inc();
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
