using System.Diagnostics;
using MediaMatrix.ClusterNode;
using MediaMatrix.IntegrationTests.Infrastructure;
using Quartz;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// Reliability Q1, Q3 and Q5 against real PostgreSQL: three nodes, each its own Quartz scheduler with its own instance id,
/// share one clustered schema, as three replicas would. Q1's nodes are separate processes (tests/MediaMatrix.ClusterNode);
/// Q3's and Q5's, which stop and restart nodes in between, run in the test process. Side effects go to a ledger unique on
/// (trigger, fire time).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterFiringTests(PostgresServer postgres, ITestOutputHelper output)
{
    // The 2 h outage of the scenario scaled to 8 s needs the misfire threshold scaled with it.
    private static readonly TimeSpan Q5MisfireThreshold = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Q1_ThreeNodeProcesses_1000Fires_NoDuplicatesNoneMissed()
    {
        var database = await postgres.CreateDatabaseAsync();
        var ledger = new Ledger(database);
        await ledger.CreateAsync();
        // 10 triggers × 100 fires, every 200 ms each: 1,000 fires due over 20 s, 50 a second across the cluster. A loaded
        // 2-core machine may fire fewer than that, so fires may run late; they keep their scheduled time (ignore misfires),
        // because Q1 is about every scheduled fire running exactly once, not about how late (that is Q5's policy).
        const int Triggers = 10;
        const int Fires = 100;
        var every = TimeSpan.FromMilliseconds(200);
        DateTimeOffset start;
        // Scheduled before the nodes start, as the host's nodes declare their jobs at start-up: a running node learns of
        // triggers another instance added only at its next idle poll (Quartz's idle wait, 30 s).
        await using (var schedule = await QuartzNode.StartAsync(database, "q1-scheduling-client", ledger, start: false))
        {
            start = schedule.Scheduler.TimeProvider.GetUtcNow().AddSeconds(5);
            for (var i = 0; i < Triggers; i++)
            {
                var job = JobBuilder.Create<LedgerJob>().WithIdentity($"q1-job-{i}").Build();
                var trigger = TriggerBuilder.Create().WithIdentity($"q1-{i}").StartAt(start)
                    .WithSimpleSchedule(s => s.WithInterval(every).WithRepeatCount(Fires - 1).WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires)).Build();
                await schedule.Scheduler.ScheduleJob(job, trigger);
            }
        }

        var nodes = await NodeProcess.QuartzAsync(database, database, "node-a", "node-b", "node-c");
        try
        {
            var expected = Triggers * Fires;
            var rows = await WaitForRowsAsync(ledger, expected, TimeSpan.FromSeconds(120));
            await Task.Delay(TimeSpan.FromSeconds(2)); // time for any late duplicate to show up
            rows = await ledger.RowsAsync();

            var duplicates = await ledger.DuplicatesAsync();
            var byNode = rows.GroupBy(r => r.Node).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
            var lateness = rows.Select(r => r.StartedMs - r.ScheduledMs).Order().ToList();
            var span = TimeSpan.FromMilliseconds(rows.Max(r => r.StartedMs) - rows.Min(r => r.StartedMs));
            output.WriteLine($"Q1: {rows.Count} fires of {expected} on 3 node processes in {span.TotalSeconds:F1} s ({rows.Count / span.TotalSeconds:F0}/s), {duplicates} duplicates; " +
                $"by node: {string.Join(", ", byNode)}; start after scheduled time: median {lateness[lateness.Count / 2]} ms, worst {lateness[^1]} ms");
            Assert.Equal(0, duplicates);
            Assert.Equal(expected, rows.Count);
            Assert.All(nodes, n => Assert.False(n.HasExited, n.Stderr));
            for (var i = 0; i < Triggers; i++)
            {
                // Each trigger's own 100 fire times, none missed and none invented.
                var times = rows.Where(r => r.Trigger == $"q1-{i}").Select(r => r.ScheduledMs).Order().ToList();
                Assert.Equal(Enumerable.Range(0, Fires).Select(k => start.ToUnixTimeMilliseconds() + (k * (long)every.TotalMilliseconds)), times);
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
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
        output.WriteLine($"Q5: {Stopwatch.GetElapsedTime(backAt).TotalSeconds:F1} s after restart: minute job fired {minuteFires}×, digest {digestFires}×, duplicates {await ledger.DuplicatesAsync()}");
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        // In 1.5 s after the restart the 1 s job fires at most twice on its normal cadence, never the 8 it missed;
        // the missed digest slot fires once (plus at most its next regular slot).
        Assert.InRange(minuteFires, 0, 2);
        Assert.InRange(digestFires, 1, 2);
        Assert.Equal(0, await ledger.DuplicatesAsync());
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
