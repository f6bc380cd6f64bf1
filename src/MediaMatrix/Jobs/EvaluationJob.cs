using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Inspection;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>Evaluates every account over what is stored and publishes the result to the page, the API and /metrics.
/// The one caller that persists evaluations: the stored history is what makes the next score stable. Alerts follow
/// each evaluation, so a new problem is raised within one evaluation interval.</summary>
[DisallowConcurrentExecution]
internal sealed class EvaluationJob(MatrixInspector inspector, LatestReport latest, MatrixGauges gauges, AlertService alerts, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("evaluate", "assessment");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await inspector.InspectAsync(time.GetUtcNow(), persist: true, cancellationToken);
        latest.Publish(report);
        await gauges.PublishAsync(report, cancellationToken);
        await alerts.ProcessAsync(report, cancellationToken);
    }
}
