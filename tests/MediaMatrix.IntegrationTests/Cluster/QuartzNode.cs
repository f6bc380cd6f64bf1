using MediaMatrix.ClusterNode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// One cluster node in the test process, set up as the node processes are (<see cref="ClusterScheduler"/>: the store
/// set-up the host ships). Q3 and Q5 run these; with <c>start: false</c> it is the test's own handle on the cluster's
/// schedule, which never fires or checks in.
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

    public static async Task<QuartzNode> StartAsync(string connectionString, string instanceId, Ledger ledger, TimeSpan? misfireThreshold = null, bool start = true)
    {
        var (services, scheduler) = await ClusterScheduler.BuildAsync(connectionString, instanceId, ledger, misfireThreshold, l => l.SetMinimumLevel(LogLevel.Warning));
        if (start)
        {
            await scheduler.Start();
        }

        return new QuartzNode(services, scheduler);
    }

    /// <summary>A clean stop: waits for running jobs, as a rolling restart would.</summary>
    public async ValueTask DisposeAsync()
    {
        await Scheduler.Shutdown(waitForJobsToComplete: true);

        await services.DisposeAsync();
    }
}
