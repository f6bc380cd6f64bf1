using MediaMatrix.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// One cluster node in process: its own container and Quartz scheduler, the store set-up the host ships
/// (<see cref="Scheduling.UseClusteredPostgres"/>), sharing the cluster name and the database with its peers.
/// </summary>
public sealed class QuartzNode : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private QuartzNode(ServiceProvider services, IScheduler scheduler)
    {
        this.services = services;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    internal static SchedulerSettings Settings(string connectionString, TimeSpan? misfireThreshold = null) => new()
    {
        Clustered = true,
        PostgreSql = connectionString,
        Name = "cluster-test",
        CheckinInterval = TimeSpan.FromSeconds(2),
        CheckinMisfireThreshold = TimeSpan.FromSeconds(1),
        // The production default unless a test scales an outage down (Q5): on a loaded 2-core machine a 1 s threshold
        // turns a late fire into a misfire and reschedules the rest.
        MisfireThreshold = misfireThreshold ?? TimeSpan.FromSeconds(60),
    };

    public static async Task<QuartzNode> StartAsync(string connectionString, string instanceId, Ledger ledger, TimeSpan? misfireThreshold = null)
    {
        var settings = Settings(connectionString, misfireThreshold);
        await QuartzSchema.EnsureCreatedAsync(connectionString, CancellationToken.None);
        var collection = new ServiceCollection();
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
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
        var provider = collection.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return new QuartzNode(provider, scheduler);
    }

    /// <summary>A clean stop: waits for running jobs, as a rolling restart would.</summary>
    public async ValueTask DisposeAsync()
    {
        await Scheduler.Shutdown(waitForJobsToComplete: true);

        await services.DisposeAsync();
    }
}
