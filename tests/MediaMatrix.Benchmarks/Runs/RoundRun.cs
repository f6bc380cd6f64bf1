using System.Diagnostics;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// R-round: one evaluation round over N accounts (S1's corpus: 90 days of posts, four cluster tasks) on a real
/// redis-server, as <c>check</c> and the evaluation job run it, against a floor measured in the same run: the reads the
/// round cannot avoid (each account's publication times over 180 days, its posts since the oldest matched task, its
/// history; pipelined the same way) and nothing else. Target: ≤ 1 s wall for 10,000 accounts on 2 cores. Also what one
/// round allocates and how far the process's resident set rises while rounds run (the corpus is dropped first).
/// </summary>
internal static class RoundRun
{
    private const int ReadAhead = 64;

    public static async Task<int> RunAsync(RunArguments args)
    {
        var accounts = args.Int("accounts", 10_000);
        var runs = args.Int("runs", 7);
        AssessmentCorpus? corpus = AssessmentCorpus.Create(accounts);
        var now = AssessmentCorpus.Now;
        var matrix = new MatrixConfig(new MatrixSettings("round", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), false),
            [.. corpus.Inputs.Select(i => i.Account)], new Dictionary<string, Profile>())
        { Tasks = corpus.Tasks };

        await using var redis = await RedisProcess.StartAsync();
        await using var connection = await RedisProcess.ConnectAsync(redis.EndPoint);
        var storeOptions = new StoreOptions { KeyPrefix = "round" };
        var store = new RedisPostStore(connection, storeOptions);
        var history = new RedisEvaluationStore(connection, storeOptions);
        var alerts = new RedisAlertStore(connection, storeOptions);
        foreach (var chunk in corpus.Inputs.Chunk(256))
            await Task.WhenAll(chunk.Select(i => store.RecordPollAsync(new PollRecord(i.Account.Id, i.Posts, i.Poll!), CancellationToken.None)));

        var postsFrom = corpus.Tasks.Min(t => t.Issued);
        corpus = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var round = new EvaluationRound(store, history, alerts, new RedisTaskStore(connection, storeOptions), new RedisFindingStore(connection, storeOptions),
            matrix, new AssessmentOptions(), new TaskMatchOptions(), new AlertOptions(), new AlertService(alerts, TimeProvider.System));

        // Yesterday's round leaves the history today's reads (and smoothing) use.
        await round.RunAsync(RoundRequest.Scheduled(now.AddDays(-1)), CancellationToken.None);
        var baseline = CurrentRssMegabytes();
        MachineLoad.Report("R-round", $"{accounts} accounts in Redis; peak RSS while seeding {MachineLoad.PeakRssMegabytes():0} MB; RSS before the rounds {baseline:0} MB");
        using var sampling = new CancellationTokenSource();
        var peak = baseline;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, CurrentRssMegabytes());
                await Task.Delay(20);
            }
        });

        var floors = new List<double>();
        var rounds = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, so a change of the box's load shows in both.
            floors.Add(await TimeAsync(() => FloorAsync(store, history, matrix, postsFrom)));
            var before = MachineLoad.CpuTime();
            rounds.Add(await TimeAsync(() => round.RunAsync(now, CancellationToken.None)));
            cpu.Add((MachineLoad.CpuTime() - before).TotalMilliseconds);
        }

        await sampling.CancelAsync();
        await sampler;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await round.RunAsync(now, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var ratios = rounds.Zip(floors, (r, f) => r / f).Order().ToList();
        MachineLoad.Report("R-round", $"round median {Median(rounds):0} ms wall (min {rounds.Min():0}), process CPU median {Median(cpu):0} ms; " +
            $"floor (the reads alone) median {Median(floors):0} ms; ratio median {ratios[ratios.Count / 2]:0.00}× (min {ratios[0]:0.00}, max {ratios[^1]:0.00}, {runs} interleaved runs); " +
            $"allocated {allocated / 1024.0 / 1024.0:0.0} MB per round; RSS {baseline:0} MB before the rounds, at most {peak:0} MB while they ran (+{peak - baseline:0} MB)");
        return 0;
    }

    // What the round must read in any case, the same way: each account's times, posts and history, 64 in flight.
    private static async Task FloorAsync(RedisPostStore store, RedisEvaluationStore history, MatrixConfig matrix, DateTimeOffset postsFrom)
    {
        var timesFrom = AssessmentCorpus.Now - TimeSpan.FromDays(180);
        foreach (var chunk in matrix.Accounts.Chunk(ReadAhead))
        {
            await Task.WhenAll(chunk.SelectMany(a => new Task[]
            {
                store.GetPublicationTimesAsync(a.Id, timesFrom, CancellationToken.None), store.GetPostsAsync(a.Id, postsFrom, CancellationToken.None),
                history.GetEvaluationHistoryAsync(a.Id, 5, CancellationToken.None),
            }));
        }
    }

    private static double CurrentRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
