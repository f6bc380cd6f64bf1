using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Rhythm;
using MediaMatrix.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>
/// The inspection rhythm's four cron jobs (domain.md table), schedules from the <c>Rhythm</c> section in the office's
/// time zone, and the alerting services the jobs and the periodic evaluation use. Misfires run once at start-up
/// rather than being lost: a census missed during a restart should still happen.
/// </summary>
internal static class InspectionRhythm
{
    public static IQuartzBuilder AddInspectionRhythm(this IQuartzBuilder q, IConfiguration settings)
    {
        var options = settings.GetSection("Rhythm").Get<RhythmOptions>() ?? new RhythmOptions();
        AddAlerting(q.Services, settings, options);

        var zone = options.Zone;
        Schedule<DailySpotCheckJob>(q, DailySpotCheckJob.Key, options.DailySpotCheck, zone);
        Schedule<WeeklyPatrolJob>(q, WeeklyPatrolJob.Key, options.WeeklyPatrol, zone);
        Schedule<MonthlyCensusJob>(q, MonthlyCensusJob.Key, options.MonthlyCensus, zone);
        Schedule<QuarterlyBulletinJob>(q, QuarterlyBulletinJob.Key, options.QuarterlyBulletin, zone);
        return q;
    }

    private static void Schedule<TJob>(IQuartzBuilder q, JobKey key, string cron, TimeZoneInfo zone)
        where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name, key.Group)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    private static void AddAlerting(IServiceCollection services, IConfiguration settings, RhythmOptions options)
    {
        services.TryAddSingleton(options);
        // The counters always; the notices register themselves when serve adds them (AddAlertNotifications).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertListener, AlertCounters>());
        services.TryAddSingleton<IBulletinPublisher, NoBulletinPublisher>();
        services.TryAddSingleton<RhythmRounds>();
    }
}
