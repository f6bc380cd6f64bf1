using MediaMatrix.Digest;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>The weekly digest's triggers and the job-metrics listener, added to the Quartz set-up of <see cref="Scheduling"/>.</summary>
internal static class ObservabilityScheduling
{
    public static IQuartzBuilder AddJobMetrics(this IQuartzBuilder q)
    {
        q.AddJobListener(sp => new JobMetricsListener(sp.GetRequiredService<TimeProvider>()));
        q.AddTriggerListener(sp => new JobMetricsListener(sp.GetRequiredService<TimeProvider>()));
        return q;
    }

    /// <summary>The cron send in the digest's zone, and the catch-up run that sends what a down scheduler missed (E4).</summary>
    public static IQuartzBuilder AddWeeklyDigestJob(this IQuartzBuilder q, DigestOptions options)
    {
        q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key));
        q.AddTrigger(t => t.ForJob(WeeklyDigestJob.Key).WithIdentity("weekly-digest-cron", "digest")
            .WithCronSchedule(options.Cron, c => c.InTimeZone(options.Zone()).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        q.AddTrigger(t => t.ForJob(WeeklyDigestJob.Key).WithIdentity("weekly-digest-catch-up", "digest").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.CatchUpInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        return q;
    }
}
