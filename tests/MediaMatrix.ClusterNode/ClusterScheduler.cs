using MediaMatrix.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MediaMatrix.ClusterNode;

/// <summary>
/// One cluster node's Quartz scheduler, in a node process or in the test process: its own container and instance id,
/// the clustered store set-up the host ships (<see cref="Scheduling.UseClusteredPostgres"/>), the cluster name and the
/// database shared with its peers, and the ledger jobs.
/// </summary>
internal static class ClusterScheduler
{
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(1);

    public static SchedulerSettings Settings(string connectionString, TimeSpan? misfireThreshold = null) => new()
    {
        Clustered = true,
        PostgreSql = connectionString,
        Name = "cluster-test",
        CheckinInterval = CheckinInterval,
        CheckinMisfireThreshold = CheckinMisfireThreshold,
        // The production default unless a test scales an outage down (Q5): on a loaded 2-core machine a 1 s threshold
        // turns a late fire into a misfire and reschedules the rest.
        MisfireThreshold = misfireThreshold ?? TimeSpan.FromSeconds(60),
    };

    /// <summary>A node's container and its scheduler, not yet started (a scheduler never started neither fires nor checks in).</summary>
    public static async Task<(ServiceProvider Services, IScheduler Scheduler)> BuildAsync(
        string connectionString, string instanceId, Ledger ledger, TimeSpan? misfireThreshold, Action<ILoggingBuilder> logging)
    {
        var settings = Settings(connectionString, misfireThreshold);
        await QuartzSchema.EnsureCreatedAsync(connectionString, CancellationToken.None);
        var collection = new ServiceCollection();
        collection.AddLogging(logging);
        collection.AddSingleton(ledger);
        collection.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = settings.Name;
                o.InstanceId = instanceId;
            });
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store => Scheduling.UseClusteredPostgres(store, settings));
        });
        var services = collection.BuildServiceProvider();
        return (services, await services.GetRequiredService<ISchedulerFactory>().GetScheduler());
    }
}
