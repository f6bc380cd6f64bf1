using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Rounds;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>Evaluates every account over what is stored and publishes the result to the page, the API and /metrics.
/// The one caller that persists evaluations: the stored history is what makes the next score stable. Alerts follow
/// each evaluation, so a new problem is raised within one evaluation interval.</summary>
[DisallowConcurrentExecution]
internal sealed class EvaluationJob(EvaluationRound round, LatestReport latest, MatrixGauges gauges, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("evaluate", "assessment");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // One round: history kept and alerts raised from the same evaluations the page and /metrics then show.
        var report = await round.RunAsync(RoundRequest.Scheduled(time.GetUtcNow()), cancellationToken);
        latest.Publish(report);
        await gauges.PublishAsync(report, cancellationToken);
    }
}
