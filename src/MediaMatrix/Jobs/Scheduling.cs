using MediaMatrix.Digest;
using MediaMatrix.Monitoring.Polling;
using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>
/// The Quartz set-up: a fixed, small set of jobs, registered explicitly. Accounts are never one trigger each: a fixed
/// number of dispatcher shards each claim due accounts atomically from the store, so the schedule holds the same
/// handful of triggers at 100 or 100,000 accounts (docs/scheduling.md). Quartz only schedules here: the services its
/// jobs run are registered by their features (evaluation, alerts, digest, inspection rounds) before this.
/// </summary>
internal static class Scheduling
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration settings)
    {
        var scheduler = SchedulerSettings.Read(settings);
        var rhythm = InspectionRhythm.Read(settings);
        var digest = DigestServices.Read(settings);
        services.AddSingleton(scheduler);
        services.AddSingleton<FirstReads>();
        // Hosted services start in registration order: every account is in the due index before Quartz's first dispatch.
        services.AddHostedService<ScheduleOnStart>();
        if (scheduler.Clustered)
        {
            // Before Quartz's hosted service: hosted services start in registration order.
            services.AddHostedService<QuartzSchemaOnStart>();
        }

        services.AddQuartz(q =>
        {
            if (scheduler.Clustered)
            {
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = scheduler.Name;
                    o.InstanceId = scheduler.InstanceId;
                    o.GenerateInstanceId = scheduler.InstanceId == "AUTO";
                });
                q.UsePersistentStore(store => UseClusteredPostgres(store, scheduler));
            }

            for (var shard = 0; shard < scheduler.Shards; shard++)
            {
                var key = PollDispatchJob.KeyFor(shard);
                q.AddJob<PollDispatchJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery());
                q.AddTrigger(t => t.WithIdentity($"{key.Name}-every", key.Group).ForJob(key).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(scheduler.DispatchInterval).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }

            q.AddJob<EvaluationJob>(j => j.WithIdentity(EvaluationJob.Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("evaluate-every", EvaluationJob.Key.Group).ForJob(EvaluationJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(scheduler.EvaluationInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            q.AddInspectionRhythm(rhythm);
            q.AddWeeklyDigestJob(digest);
            q.AddJobMetrics();
        });

        // Every replica declares the same jobs and triggers; the one starting last replaces the stored definitions
        // rather than failing on duplicate keys, so a changed interval rolls out with the deployment.
        services.Configure<QuartzOptions>(o => o.Scheduling.OverwriteExistingData = true);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>How often a clustered node looks for misfired triggers at most (docs/scheduling.md, Q6).</summary>
    public static readonly TimeSpan MisfireScanInterval = TimeSpan.FromSeconds(15);

    /// <summary>The clustered AdoJobStore on PostgreSQL, shared with the cluster tests so they test what we ship.</summary>
    public static void UseClusteredPostgres(IPersistentStoreBuilder store, SchedulerSettings scheduler)
    {
        store.UsePostgres(scheduler.PostgreSql!);
        store.UseSystemTextJsonSerializer();
        store.ConfigureStore(o =>
        {
            o.MisfireThreshold = scheduler.MisfireThreshold;
            // A trigger later than the threshold (after a PostgreSQL outage longer than it, Q6) fires again only once the
            // misfire handler has applied its policy, and the handler runs every threshold by default: up to 60 s more
            // of no dispatching after the database is back. Scanning every 15 s (one cheap query) bounds that wait.
            o.MisfireHandlerFrequency = scheduler.MisfireThreshold < MisfireScanInterval ? scheduler.MisfireThreshold : MisfireScanInterval;
        });
        store.UseClustering(c =>
        {
            c.CheckinInterval = scheduler.CheckinInterval;
            c.CheckinMisfireThreshold = scheduler.CheckinMisfireThreshold;
        });
    }

    /// <summary>Puts every configured account into the due index before the first dispatch.</summary>
    private sealed class ScheduleOnStart(PollDispatcher dispatcher) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => dispatcher.ScheduleAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class QuartzSchemaOnStart(SchedulerSettings scheduler) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => QuartzSchema.EnsureCreatedAsync(scheduler.PostgreSql!, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
