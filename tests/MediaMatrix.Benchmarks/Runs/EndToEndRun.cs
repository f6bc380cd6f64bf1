using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// E1: a <c>check</c>-style batch — every account polled once with bounded parallelism (fetch → decode → parse → extract
/// → Redis) — over N simulated HTML accounts with ≈100 KB pages and 20 posts, against a floor measured in the same
/// session: the same fetches with only a bare parse. Floors run before and after the full passes and are averaged, so
/// a change in the box's load during the run shows as a gap between them. Then an all-304 pass (ETags stored) and the
/// peak RSS. Targets: warm ≤ 1.2× the floor, all-304 ≤ 0.5 s (at 10,000), peak RSS ≤ 150 MB.
/// </summary>
internal static class EndToEndRun
{
    public static async Task<int> RunAsync(RunArguments args)
    {
        var members = args.Int("accounts", 2000);
        var parallelism = args.Int("parallelism", 16);
        await using var redis = await RedisProcess.StartAsync();
        await using var simulator = await SimulatorProcess.StartAsync("html", members, args.Int("page-bytes", 100_000));
        await using var connection = await RedisProcess.ConnectAsync(redis.EndPoint);
        using var warmup = MonitorUnderTest.Create(simulator, connection, "e1-warmup", parallelism);
        var accounts = warmup.Matrix.Accounts.Where(a => a.Source.Kind == SourceKind.Html).ToList();

        // JIT and connection warm-up for both paths, not counted.
        var sample = accounts.Take(Math.Min(100, accounts.Count)).ToList();
        await FloorAsync(warmup.Fetcher, sample, parallelism);
        await warmup.Dispatcher.PollAsync(sample, null, CancellationToken.None);

        var floorBefore = await PassFigures.MeasureAsync("floor (fetch + bare parse)", accounts.Count, () => FloorAsync(warmup.Fetcher, accounts, parallelism));
        Report(floorBefore);
        using var cold = MonitorUnderTest.Create(simulator, connection, "e1-a", parallelism);
        var first = await PassFigures.MeasureAsync("full pass 1 (all posts new)", accounts.Count, () => cold.Dispatcher.PollAsync(accounts, null, CancellationToken.None));
        Report(first);
        using var warm = MonitorUnderTest.Create(simulator, connection, "e1-b", parallelism);
        var second = await PassFigures.MeasureAsync("full pass 2 (warm process, all posts new)", accounts.Count, () => warm.Dispatcher.PollAsync(accounts, null, CancellationToken.None));
        Report(second);
        var floorAfter = await PassFigures.MeasureAsync("floor again", accounts.Count, () => FloorAsync(warmup.Fetcher, accounts, parallelism));
        Report(floorAfter);
        var notModified = await PassFigures.MeasureAsync("all-304 pass (ETags from pass 2)", accounts.Count, () => warm.Dispatcher.PollAsync(accounts, null, CancellationToken.None));
        Report(notModified);

        var floor = (floorBefore.Wall + floorAfter.Wall) / 2;
        MachineLoad.Report("E1", $"warm ratio {second.Wall / floor:0.00}× the floor (pass 1 {first.Wall / floor:0.00}×; CPU {second.Cpu / ((floorBefore.Cpu + floorAfter.Cpu) / 2):0.00}× the floor's); " +
            $"all-304 pass {notModified.Wall.TotalSeconds:0.00} s for {accounts.Count} accounts (≈{notModified.Wall.TotalSeconds * 10_000 / accounts.Count:0.00} s per 10,000); peak RSS {MachineLoad.PeakRssMegabytes():0} MB");

        var round = await PassFigures.MeasureAsync("evaluation round (check's evaluate step, Redis store)", warm.Matrix.Accounts.Count,
            () => warm.Round.RunAsync(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), CancellationToken.None), "accounts");
        Report(round);
        return 0;
    }

    private static void Report(PassFigures figures) => MachineLoad.Report("E1", figures.ToString());

    /// <summary>The least a poll can do: the same conditional-GET-less fetch, then decode and parse the body into a DOM and drop it.</summary>
    private static Task FloorAsync(SourceFetcher fetcher, IReadOnlyList<Account> accounts, int parallelism) =>
        Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (account, ct) =>
        {
            var fetched = await fetcher.FetchAsync(account.Source.Url, null, null, ct);
            if (fetched.Outcome != FetchOutcome.Fetched)
            {
                throw new InvalidOperationException($"floor fetch of {account.Id} failed: {fetched.Error}");
            }

            // Decoded as the poll decodes (into a pooled buffer): a string here would put a large-object-heap copy of
            // every page in the floor that the real path no longer makes, and flatter the ratio.
            using var text = BodyDecoder.DecodePooled(fetched.Body.Span, fetched.ContentType);
            using var document = new HtmlParser().ParseDocument(text.Memory);
        });
}
