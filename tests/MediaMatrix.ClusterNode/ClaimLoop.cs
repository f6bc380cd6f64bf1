using System.Collections.Concurrent;
using System.Globalization;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.ClusterNode;

/// <summary>
/// The <c>claim-loop</c> mode: one replica's poll dispatcher against the shared Redis due index, as
/// <c>PollDispatcher.DispatchDueAsync</c> does it on every shard tick (claim up to a batch with
/// <see cref="IPostStore.ClaimDueAsync"/>, poll them with bounded parallelism, each poll setting the account's next
/// due time), with a poll that only waits a little instead of fetching, so the test measures the sharing of work.
/// Each poll is written to <c>--out</c> as <c>account,claimed ms,done ms</c> when the replica stops (<c>--stop-file</c> appears).
/// </summary>
internal static class ClaimLoop
{
    // The dispatcher's lease: a claimed account is due again only if its poll never reports back.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, CancellationToken stop)
    {
        var interval = TimeSpan.FromMilliseconds(int.Parse(options["interval"], CultureInfo.InvariantCulture));
        var tick = TimeSpan.FromMilliseconds(int.Parse(options["tick"], CultureInfo.InvariantCulture));
        var batch = int.Parse(options.GetValueOrDefault("batch", "500"), CultureInfo.InvariantCulture);
        var parallelism = int.Parse(options.GetValueOrDefault("parallelism", "16"), CultureInfo.InvariantCulture);
        var stopFile = options["stop-file"];
        var time = TimeProvider.System;

        await using var connection = await ConnectionMultiplexer.ConnectAsync(options["redis"]);
        var store = new RedisPostStore(connection, new StoreOptions { KeyPrefix = options["prefix"] });
        var polls = new ConcurrentQueue<string>();
        await Console.Out.WriteLineAsync($"ready: replica {options["replica"]}");

        var next = time.GetUtcNow();
        while (!stop.IsCancellationRequested && !File.Exists(stopFile))
        {
            // One shard tick.
            var now = time.GetUtcNow();
            var claimed = await store.ClaimDueAsync(now, Lease, batch, CancellationToken.None);
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (id, _) =>
            {
                // A fetch scaled down with the test's time (about 1 s in production ÷ 75).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 20)), time, CancellationToken.None);
                await store.SetNextDueAsync(id, now + interval, CancellationToken.None);
                polls.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{id},{now.ToUnixTimeMilliseconds()},{time.GetUtcNow().ToUnixTimeMilliseconds()}"));
            });

            // Fixed-rate ticks, as a Quartz simple trigger fires them; a tick that ran long is followed at once.
            next += tick;
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, CancellationToken.None);
            }
            else
            {
                next = time.GetUtcNow();
            }
        }

        await File.WriteAllLinesAsync(options["out"], polls, CancellationToken.None);
        return 0;
    }
}
