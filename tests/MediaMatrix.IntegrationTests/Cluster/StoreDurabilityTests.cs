using MediaMatrix.Monitoring.Diagnostics;
using System.Diagnostics;
using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Jobs;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>Reliability R1 and R2 against redis-server processes of the tests' own.</summary>
public sealed class StoreDurabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task R1_WithoutAofOrWithEviction_ReadinessSaysDegradedAndWhy()
    {
        await using var careless = await RedisInstance.StartAsync("--appendonly", "no", "--maxmemory-policy", "allkeys-lru");
        await using var durable = await RedisInstance.StartAsync(RedisInstance.Durable);

        var degraded = await ReadinessOfAsync(careless);
        var healthy = await ReadinessOfAsync(durable);

        output.WriteLine($"R1 careless: {string.Join(" / ", degraded.Lines)}");
        output.WriteLine($"R1 durable: {string.Join(" / ", healthy.Lines)}");
        Assert.True(degraded.Ready); // reachable, so still ready: degraded is a warning, not an outage
        Assert.Contains(degraded.Lines, l => l.Contains("degraded", StringComparison.Ordinal) && l.Contains("appendonly", StringComparison.Ordinal) && l.Contains("maxmemory-policy", StringComparison.Ordinal));
        Assert.True(healthy.Ready);
        Assert.Contains(healthy.Lines, l => l.StartsWith("store: redis ok", StringComparison.Ordinal));
        Assert.Equal(0, MatrixMetrics.StoreDegraded.Value);
    }

    [Fact]
    public async Task R2_KillNineRedisMidPoll_NothingAcknowledgedBeforeTheLastSecondIsLost()
    {
        await using var redis = await RedisInstance.StartAsync(RedisInstance.Durable);
        var options = new StoreOptions { KeyPrefix = "r2" };
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));
        var acknowledged = new List<(PollRecord Record, TimeSpan At)>();
        var attempted = new HashSet<(string AccountId, string PostId)>();
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt;
        await using (var connection = await redis.ConnectAsync())
        {
            var store = new RedisPostStore(connection, options);
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var record = new PollRecord($"acct-{i % 200}", [new Post($"p{i}", $"通知{i}", $"https://www.example.gov.cn/{i}.html", now.AddMinutes(-i))],
                        new PollState(LastAttemptAt: now, LastSuccessAt: now, NextDueAt: now.AddHours(1)));
                    lock (attempted)
                    {
                        attempted.Add((record.AccountId, record.Posts[0].Id));
                    }

                    try
                    {
                        await store.RecordPollAsync(record, CancellationToken.None);
                        lock (acknowledged)
                        {
                            acknowledged.Add((record, clock.Elapsed));
                        }
                    }
                    catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
                    {
                        return; // the kill: this write was never acknowledged
                    }
                }
            });
            // Enough acknowledged writes first, then more than a second of writing: on a loaded machine a fixed
            // wait can leave too few writes older than the AOF's one-second window to prove anything.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(30) && Acknowledged() < 300)
            {
                await Task.Delay(50);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            killedAt = clock.Elapsed;
            await redis.KillAsync();
            stop.Cancel();
            await writer;
        }

        int Acknowledged()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }

        await redis.StartAgainAsync();
        await using var reconnected = await redis.ConnectAsync();
        var after = new RedisPostStore(reconnected, options);
        var safe = acknowledged.Where(a => a.At < killedAt - TimeSpan.FromSeconds(1)).Select(a => a.Record).ToList();
        var lost = 0;
        foreach (var record in safe)
        {
            var posts = await after.GetPostsAsync(record.AccountId, DateTimeOffset.MinValue, CancellationToken.None);
            lost += posts.Any(p => p.Id == record.Posts[0].Id) ? 0 : 1;
        }

        // One more cycle: every acknowledged poll applied again (the sources still serve those posts); writes are idempotent.
        foreach (var (record, _) in acknowledged)
        {
            await after.RecordPollAsync(record, CancellationToken.None);
        }

        // What the promise says after one more cycle: every acknowledged post is stored exactly once, and nothing is
        // stored that was never written. A write in flight at the kill may or may not have landed without its
        // acknowledgement, so the stored set lies between the acknowledged and the attempted ones.
        var expected = acknowledged.Select(a => (a.Record.AccountId, a.Record.Posts[0].Id)).ToHashSet();
        var stored = new List<(string AccountId, string PostId)>();
        foreach (var account in expected.Select(e => e.AccountId).Distinct())
        {
            stored.AddRange((await after.GetPostsAsync(account, DateTimeOffset.MinValue, CancellationToken.None)).Select(p => (account, p.Id)));
        }

        var duplicated = stored.GroupBy(s => s).Count(g => g.Count() > 1);
        var missing = expected.Count(e => !stored.Contains(e));
        var neverWritten = stored.Count(s => !attempted.Contains(s));
        var inFlight = stored.Count(s => !expected.Contains(s));
        output.WriteLine($"R2: {acknowledged.Count} writes acknowledged, {safe.Count} more than 1 s before the kill, {lost} of those lost; " +
            $"after one more cycle {stored.Count} posts stored: {missing} acknowledged missing, {duplicated} duplicated, {inFlight} from writes in flight, {neverWritten} never written");
        Assert.True(safe.Count > 100, $"only {safe.Count} writes to check");
        Assert.Equal(0, lost);
        Assert.Equal(0, missing);
        Assert.Equal(0, duplicated);
        Assert.Equal(0, neverWritten);
        Assert.InRange(inFlight, 0, 1); // the writer has one write outstanding at a time
    }

    private static async Task<ReadinessReport> ReadinessOfAsync(RedisInstance redis)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(await redis.ConnectAsync());
        await using var provider = services.BuildServiceProvider();
        return await new Readiness(provider, new SchedulerSettings()).CheckAsync(CancellationToken.None);
    }
}
