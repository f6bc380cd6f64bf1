using System.Diagnostics;
using MediaMatrix.IntegrationTests.Infrastructure;
using Quartz;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// Reliability Q1, Q3 and Q5 against real PostgreSQL: three in-process nodes, each its own Quartz scheduler with its own
/// instance id, share one clustered schema, as three replicas would. Side effects go to a ledger unique on (trigger, fire time).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterFiringTests(PostgresServer postgres, ITestOutputHelper output)
{
    // The 2 h outage of the scenario scaled to 8 s needs the misfire threshold scaled with it.
    private static readonly TimeSpan Q5MisfireThreshold = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Q1_ThreeNodes_EveryFireOnceNoDuplicatesNoneMissed()
    {
        var database = await postgres.CreateDatabaseAsync();
        var ledger = new Ledger(database);
        await ledger.CreateAsync();
        await using var a = await QuartzNode.StartAsync(database, "node-a", ledger);
        await using var b = await QuartzNode.StartAsync(database, "node-b", ledger);
        await using var c = await QuartzNode.StartAsync(database, "node-c", ledger);

        // Scaled down from 1,000 fires to keep the suite short: 6 triggers × 50 fires, every 200 ms, over ~10 s.
        const int Triggers = 6;
        const int Repeats = 49;
        var start = a.Scheduler.TimeProvider.GetUtcNow().AddSeconds(1);
        for (var i = 0; i < Triggers; i++)
        {
            var job = JobBuilder.Create<LedgerJob>().WithIdentity($"q1-job-{i}").Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"q1-{i}").StartAt(start)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(200)).WithRepeatCount(Repeats)).Build();
            await a.Scheduler.ScheduleJob(job, trigger);
        }

        var expected = Triggers * (Repeats + 1);
        var rows = await WaitForRowsAsync(ledger, expected, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1)); // time for any late duplicate to show up

        var byNode = rows.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"Q1: {rows.Count} fires of {expected}, {ledger.Duplicates} duplicates; by node: {string.Join(", ", byNode.Select(p => $"{p.Key}={p.Value}"))}");
        Assert.Equal(0, ledger.Duplicates);
        Assert.Equal(expected, (await ledger.RowsAsync()).Count);
        for (var i = 0; i < Triggers; i++)
        {
            var times = rows.Where(r => r.Trigger == $"q1-{i}").Select(r => r.ScheduledMs).Order().ToList();
            Assert.Equal(Enumerable.Range(0, Repeats + 1).Select(k => start.ToUnixTimeMilliseconds() + (k * 200L)), times);
        }
    }

    [Fact]
    public async Task Q3_NoOverlapJob_RunsOneAtATimeClusterWideThroughRestarts()
    {
        var database = await postgres.CreateDatabaseAsync();
        var ledger = new Ledger(database);
        await ledger.CreateAsync();
        var a = await QuartzNode.StartAsync(database, "node-a", ledger);
        await using var b = await QuartzNode.StartAsync(database, "node-b", ledger);
        var c = await QuartzNode.StartAsync(database, "node-c", ledger);

        // Interval 300 ms, each run 900 ms (3 × the interval): every node wants to run it all the time.
        var job = JobBuilder.Create<SlowNoOverlapJob>().WithIdentity("q3-job").RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity("q3").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(300)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build();
        await a.Scheduler.ScheduleJob(job, trigger);

        await Task.Delay(TimeSpan.FromSeconds(4));
        await a.DisposeAsync(); // a rolling restart: node a leaves and comes back
        await using var aAgain = await QuartzNode.StartAsync(database, "node-a2", ledger);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await c.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await aAgain.Scheduler.PauseAll();
        await Task.Delay(SlowNoOverlapJob.RunTime + TimeSpan.FromMilliseconds(500));

        var rows = (await ledger.RowsAsync()).Where(r => r.EndedMs is not null).OrderBy(r => r.StartedMs).ToList();
        var overlaps = rows.Zip(rows.Skip(1)).Count(pair => pair.Second.StartedMs < pair.First.EndedMs);
        output.WriteLine($"Q3: {rows.Count} runs on {rows.Select(r => r.Node).Distinct().Count()} nodes, {overlaps} overlaps");
        Assert.True(rows.Count >= 6, $"only {rows.Count} runs");
        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task Q5_AllNodesDownThenUp_MissedFiresAreNotReplayed()
    {
        var database = await postgres.CreateDatabaseAsync();
        var ledger = new Ledger(database);
        await ledger.CreateAsync();
        var first = await QuartzNode.StartAsync(database, "node-a", ledger, Q5MisfireThreshold);

        // The "minute" job (scaled to 1 s) with the dispatcher's misfire policy, and a weekly-digest-like cron job
        // (scaled to every 3 s) that must catch up once after an outage.
        var every = TimeSpan.FromSeconds(1);
        await first.Scheduler.ScheduleJob(JobBuilder.Create<LedgerJob>().WithIdentity("q5-minute-job").Build(),
            TriggerBuilder.Create().WithIdentity("q5-minute").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build());
        await first.Scheduler.ScheduleJob(JobBuilder.Create<LedgerJob>().WithIdentity("q5-digest-job").Build(),
            TriggerBuilder.Create().WithIdentity("q5-digest").StartNow()
                .WithCronSchedule("0/3 * * * * ?", s => s.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build());
        await Task.Delay(TimeSpan.FromSeconds(2));
        await first.DisposeAsync();

        var downtime = TimeSpan.FromSeconds(8); // 8 minute-fires and 2-3 digest fires missed
        await Task.Delay(downtime);
        var backAt = Stopwatch.GetTimestamp();
        var before = (await ledger.RowsAsync()).Count;
        var nodes = new List<QuartzNode>();
        foreach (var id in new[] { "node-a", "node-b", "node-c" })
        {
            nodes.Add(await QuartzNode.StartAsync(database, id, ledger, Q5MisfireThreshold));
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var rows = await ledger.RowsAsync();
        var afterRestart = rows.Skip(before).ToList();
        var minuteFires = afterRestart.Count(r => r.Trigger == "q5-minute");
        var digestFires = afterRestart.Count(r => r.Trigger == "q5-digest");
        output.WriteLine($"Q5: {Stopwatch.GetElapsedTime(backAt).TotalSeconds:F1} s after restart: minute job fired {minuteFires}×, digest {digestFires}×, duplicates {ledger.Duplicates}");
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        // In 1.5 s after the restart the 1 s job fires at most twice on its normal cadence, never the 8 it missed;
        // the missed digest slot fires once (plus at most its next regular slot).
        Assert.InRange(minuteFires, 0, 2);
        Assert.InRange(digestFires, 1, 2);
        Assert.Equal(0, ledger.Duplicates);
    }

    private static async Task<List<LedgerRow>> WaitForRowsAsync(Ledger ledger, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rows = await ledger.RowsAsync();
            if (rows.Count >= count || deadline.Elapsed > timeout)
            {
                return rows;
            }

            await Task.Delay(250);
        }
    }
}
