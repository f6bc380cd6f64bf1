using System.Diagnostics;
using MediaMatrix.IntegrationTests.Infrastructure;
using Quartz;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// Reliability Q6, shortened: PostgreSQL stopped for 12 s (not 60 s, to keep the suite short) under two running nodes.
/// The schedulers must ride it out and fire again on their own once it is back, within 2 minutes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Q6_PostgresDownTwelveSeconds_SchedulersSurviveAndFiringResumes()
    {
        await using var database = await PostgresInstance.StartNewAsync();
        var ledger = new Ledger(await postgres.CreateDatabaseAsync()); // the ledger lives elsewhere, so it survives the outage
        await ledger.CreateAsync();
        await using var a = await QuartzNode.StartAsync(database.ConnectionString, "node-a", ledger);
        await using var b = await QuartzNode.StartAsync(database.ConnectionString, "node-b", ledger);
        await a.Scheduler.ScheduleJob(JobBuilder.Create<LedgerJob>().WithIdentity("q6-job").Build(),
            TriggerBuilder.Create().WithIdentity("q6").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(500)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build());
        await Task.Delay(TimeSpan.FromSeconds(2));

        await database.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(12));
        await database.StartAsync();
        var backAt = (await ledger.RowsAsync()).Select(r => r.StartedMs).DefaultIfEmpty().Max();
        var clock = Stopwatch.StartNew();
        int firesSince;
        do
        {
            await Task.Delay(250);
            firesSince = (await ledger.RowsAsync()).Count(r => r.StartedMs > backAt + 12_000);
        }
        while (firesSince < 3 && clock.Elapsed < TimeSpan.FromMinutes(2));

        output.WriteLine($"Q6: PostgreSQL down 12 s; firing resumed {clock.Elapsed.TotalSeconds:F1} s after it came back ({firesSince} fires); duplicates {ledger.Duplicates}");
        Assert.True(firesSince >= 3, "firing did not resume within 2 minutes");
        Assert.Equal([SchedulerStatus.Running, SchedulerStatus.Running], [a.Scheduler.Status, b.Scheduler.Status]);
        Assert.Equal(0, ledger.Duplicates);
    }
}
