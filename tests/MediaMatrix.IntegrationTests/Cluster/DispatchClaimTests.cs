using System.Collections.Concurrent;
using System.Diagnostics;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// Reliability Q9, scaled down (2,000 accounts, 3 replicas, a 3 s interval for 4 intervals instead of 10,000 for 60 min):
/// three replicas, each with its own connection, run the dispatcher's claim-poll-reschedule loop against one real Redis.
/// The poll itself is a counter, so the test measures the sharing of work, not fetching.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DispatchClaimTests(RedisServer redis, ITestOutputHelper output)
{
    private const int Accounts = 2000;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Q9_ThreeReplicas_EachAccountPolledOncePerInterval_NoDoubleClaims()
    {
        var options = new StoreOptions { KeyPrefix = $"q9-{Guid.NewGuid():N}" };
        var time = TimeProvider.System;
        var start = time.GetUtcNow();
        var polls = new ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>>();
        var inFlight = new ConcurrentDictionary<string, string>();
        var doubleClaims = 0;

        await using var seed = await ConnectionMultiplexer.ConnectAsync(redis.EndPoint);
        await new RedisMatrixStore(seed, options).EnsureScheduledAsync(
            Enumerable.Range(0, Accounts).ToDictionary(i => $"acct-{i:D5}", i => start + (Interval * i / Accounts)), CancellationToken.None);

        var runFor = Interval * 4;
        var replicas = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.EndPoint);
            var store = new RedisMatrixStore(connection, options);
            var replica = $"replica-{r}";
            while (time.GetUtcNow() - start < runFor)
            {
                var now = time.GetUtcNow();
                var claimed = await store.ClaimDueAsync(now, TimeSpan.FromMinutes(10), 100, CancellationToken.None);
                foreach (var id in claimed)
                {
                    if (!inFlight.TryAdd(id, replica))
                    {
                        Interlocked.Increment(ref doubleClaims);
                        continue;
                    }

                    polls.GetOrAdd(id, _ => []).Add(now);
                    inFlight.TryRemove(id, out _);
                    await store.SetNextDueAsync(id, now + Interval, CancellationToken.None);
                }

                if (claimed.Count == 0)
                {
                    await Task.Delay(20);
                }
            }
        })).ToList();
        await Task.WhenAll(replicas);

        var counts = polls.Values.Select(p => p.Count).ToList();
        var gaps = polls.Values.SelectMany(p => p.Order().Zip(p.Order().Skip(1), (a, b) => b - a)).ToList();
        var lateness = gaps.Count == 0 ? TimeSpan.Zero : gaps.Max() - Interval;
        output.WriteLine($"Q9: {polls.Count} of {Accounts} accounts polled; per account {counts.Min()}–{counts.Max()} polls in {runFor.TotalSeconds} s at a {Interval.TotalSeconds} s interval; " +
            $"shortest gap {gaps.Min().TotalMilliseconds:F0} ms, worst lateness {lateness.TotalMilliseconds:F0} ms; double claims {doubleClaims}");

        Assert.Equal(0, doubleClaims);
        Assert.Equal(Accounts, polls.Count);
        // 4 intervals: 4 polls each, or 3 for the few whose phase ends the window and whose last poll slid past it.
        Assert.All(counts, c => Assert.InRange(c, 3, 4));
        // Once per interval: never twice within one, never an interval skipped.
        Assert.True(gaps.Min() >= Interval - TimeSpan.FromMilliseconds(5), $"an account was polled twice within an interval ({gaps.Min()})");
        // The freshness promise: every account polled within 2 × its interval.
        Assert.True(gaps.Max() < 2 * Interval, $"an account waited {lateness} past its interval");
    }
}
