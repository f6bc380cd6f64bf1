using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Rhythm;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>
/// The inspection rhythm (domain.md table): its rounds (daily spot check, weekly patrol, monthly census, the quarterly
/// bulletin, written as files) and their four cron jobs, scheduled from the <c>Rhythm</c> section in the office's time
/// zone. Misfires run once at start-up rather than being lost: a census missed during a restart should still happen.
/// </summary>
internal static class InspectionRhythm
{
    /// <summary>The rounds the rhythm's jobs run and where the quarterly bulletin goes (<c>Bulletins:Directory</c>).</summary>
    public static IServiceCollection AddInspectionRounds(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(Read(settings));
        services.AddSingleton<IBulletinPublisher, FileBulletinPublisher>();
        services.AddSingleton<RhythmRounds>();
        return services;
    }

    /// <summary>The checked <c>Rhythm</c> section, cron expressions included.</summary>
    public static RhythmOptions Read(IConfiguration settings) => SettingsSection.Read<RhythmOptions>(settings, "Rhythm", o =>
    {
        o.Validate();
        QuartzCron.Check(o.DailySpotCheck, "Rhythm:DailySpotCheck");
        QuartzCron.Check(o.WeeklyPatrol, "Rhythm:WeeklyPatrol");
        QuartzCron.Check(o.MonthlyCensus, "Rhythm:MonthlyCensus");
        QuartzCron.Check(o.QuarterlyBulletin, "Rhythm:QuarterlyBulletin");
    });

    public static IQuartzBuilder AddInspectionRhythm(this IQuartzBuilder q, RhythmOptions options)
    {
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
}
