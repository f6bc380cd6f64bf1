using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>
/// The Quartz set-up: a fixed, small set of jobs, registered explicitly. Accounts are never one
/// trigger each; the dispatcher picks the due ones from the store.
/// </summary>
internal static class Scheduling
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration settings)
    {
        var dispatchEvery = settings.GetValue("Scheduler:DispatchInterval", TimeSpan.FromSeconds(15));
        var evaluateEvery = settings.GetValue("Scheduler:EvaluationInterval", TimeSpan.FromMinutes(5));
        services.AddQuartz(q =>
        {
            q.AddJob<PollDispatchJob>(j => j.WithIdentity(PollDispatchJob.Key));
            q.AddTrigger(t => t.ForJob(PollDispatchJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(dispatchEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<EvaluationJob>(j => j.WithIdentity(EvaluationJob.Key));
            q.AddTrigger(t => t.ForJob(EvaluationJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(evaluateEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddDigestAndJobMetrics(settings);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
