using System.Diagnostics;
using System.Globalization;
using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary>Many accounts on one host: the per-host limit holds, and a second cycle costs 304s, not pages.</summary>
[Collection(nameof(MeasuredCollection))]
public sealed class PoliteCollectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task F11_500AccountsOnOneHost_NeverExceedThePerHostConcurrency()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                await Task.Delay(10, c.RequestAborted);
                c.Response.ContentType = "application/rss+xml; charset=utf-8";
                await c.Response.WriteAsync(Feed(c.Request.Path), c.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        });
        var fetch = new FetchOptions { MaxConcurrencyPerHost = 4, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(30) };
        using var rig = CollectionRig.ForYaml(MatrixOf(server.BaseUrl, 500), fetch, new PollOptions { Parallelism = 64 });

        var stopwatch = Stopwatch.StartNew();
        var reports = await rig.Dispatcher.PollAsync(rig.Matrix.Accounts, null, CancellationToken.None);
        output.WriteLine($"500 polls in {stopwatch.Elapsed.TotalSeconds:0.0} s; at most {maxInFlight} requests in flight to the host");

        Assert.Equal(500, reports.Count);
        Assert.All(reports, r => Assert.Equal(0, r.State.ConsecutiveFailures));
        Assert.InRange(maxInFlight, 1, 4);
    }

    [Fact]
    public async Task F11_DeadHost_DoesNotSlowPollsOfOtherHosts()
    {
        await using var dead = await LoopbackServer.StartAsync(async c => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
        await using var alive = await LoopbackServer.StartAsync(c => c.Response.WriteAsync(Feed(c.Request.Path)));
        // 16 accounts on a host that never answers, listed first, and 40 on a healthy one; 8 workers.
        var yaml = new StringBuilder("matrix: { name: 测试矩阵, allowPrivateNetworks: true }\naccounts:\n");
        for (var i = 0; i < 56; i++)
        {
            var url = i < 16 ? new Uri($"http://localhost:{dead.BaseUrl.Port}/feeds/d{i}.xml") : alive.Url($"feeds/a{i}.xml");
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: a{i}, name: 账号{i}, platform: website, tier: {(i == 0 ? "head" : "member")}, department: 部门, source: {{ kind: feed, url: \"{url}\" }} }}\n");
        }

        var fetch = new FetchOptions { MaxConcurrencyPerHost = 4, AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0 };
        using var rig = CollectionRig.ForYaml(yaml.ToString(), fetch, new PollOptions { Parallelism = 8 });
        var stopwatch = Stopwatch.StartNew();
        var aliveDone = new List<TimeSpan>();
        var progress = new SynchronousProgress(r =>
        {
            if (int.Parse(r.AccountId[1..], CultureInfo.InvariantCulture) >= 16)
            {
                lock (aliveDone)
                {
                    aliveDone.Add(stopwatch.Elapsed);
                }
            }
        });

        var pollTask = rig.Dispatcher.PollAsync(rig.Matrix.Accounts, progress, CancellationToken.None);
        var deadline = Task.Delay(TimeSpan.FromSeconds(60));
        await Task.WhenAny(pollTask, deadline);
        var reports = await pollTask;

        var healthy = reports.Where(r => int.Parse(r.AccountId[1..], CultureInfo.InvariantCulture) >= 16).ToList();
        var last = aliveDone.Max();
        output.WriteLine($"40 healthy polls done after {last.TotalMilliseconds:0} ms while 16 polls of a dead host took {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(40, healthy.Count);
        Assert.All(healthy, r => Assert.Equal(0, r.State.ConsecutiveFailures));
        Assert.True(last < TimeSpan.FromSeconds(1.5), $"the healthy host's polls finished only after {last}: the dead host held the workers");
    }

    [Fact]
    public async Task MinIntervalPerHost_SpacesTheStartsOfRequests()
    {
        var starts = new List<long>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            lock (starts)
            {
                starts.Add(Stopwatch.GetTimestamp());
            }

            await c.Response.WriteAsync(Feed(c.Request.Path));
        });
        var fetch = new FetchOptions { MaxConcurrencyPerHost = 4, MinIntervalPerHost = TimeSpan.FromMilliseconds(100) };
        using var rig = CollectionRig.ForYaml(MatrixOf(server.BaseUrl, 6), fetch);
        // Warm up the server and the client first: while a first connection is still being set up,
        // requests queued behind it leave together, which says nothing about the gate.
        await rig.Fetcher.FetchAsync(server.Url("warm-up"), null, null, CancellationToken.None);
        await Task.Delay(200);
        lock (starts)
        {
            starts.Clear();
        }

        await rig.Dispatcher.PollAsync(rig.Matrix.Accounts, null, CancellationToken.None);

        var gaps = starts.Order().Zip(starts.Order().Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToList();
        output.WriteLine("gaps (ms): " + string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture))));
        Assert.Equal(6, starts.Count);
        // The gate spaces the starts of requests; on a loaded machine a slow new connection can make
        // two of them arrive together, so the promise checked is the rate: six requests span ≥ 5 intervals.
        var span = gaps.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(span >= TimeSpan.FromMilliseconds(5 * 100 * 0.9), $"six requests within {span.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task SecondPollCycle_Over1000SimulatedAccounts_IsMostly304s()
    {
        var cast = SyntheticCast.Create(999);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = cast }, CancellationToken.None);
        using var rig = CollectionRig.ForSimulator(simulator, cast, poll: new PollOptions { Parallelism = 16 });

        var stopwatch = Stopwatch.StartNew();
        var first = await rig.Dispatcher.PollAsync(rig.Matrix.Accounts, null, CancellationToken.None);
        var firstTime = stopwatch.Elapsed;
        var second = await rig.Dispatcher.PollAsync(rig.Matrix.Accounts, null, CancellationToken.None);
        var notModified = second.Count(r => r.Outcome == FetchOutcome.NotModified);
        output.WriteLine($"cycle 1: {first.Count} polls in {firstTime.TotalSeconds:0.0} s; cycle 2: {notModified} of {second.Count} were 304 ({stopwatch.Elapsed - firstTime:g})");

        Assert.Equal(1000, first.Count(r => r.Outcome == FetchOutcome.Fetched));
        Assert.True(notModified >= 950, $"only {notModified} of 1000 second polls were 304");
        Assert.All(second, r => Assert.Equal(0, r.State.ConsecutiveFailures)); // a 304 is a successful poll
    }

    internal static string MatrixOf(Uri baseUrl, int accounts)
    {
        var yaml = new StringBuilder("matrix: { name: 测试矩阵, allowPrivateNetworks: true }\naccounts:\n");
        for (var i = 0; i < accounts; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: a{i}, name: 账号{i}, platform: website, tier: {(i == 0 ? "head" : "member")}, department: 部门, source: {{ kind: feed, url: \"{new Uri(baseUrl, $"feeds/a{i}.xml")}\" }} }}\n");
        }

        return yaml.ToString();
    }

    internal static string Feed(string path) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{path}</title><item><title>通知</title><link>http://example.gov.cn{path}/1</link><pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item></channel></rss>";

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

/// <summary>Reports on the calling thread, so a test sees every report before the batch returns.</summary>
internal sealed class SynchronousProgress(Action<PollReport> report) : IProgress<PollReport>
{
    public void Report(PollReport value) => report(value);
}

/// <summary>Tests that measure time, memory or concurrency run alone, so other tests do not blur the figures.</summary>
[CollectionDefinition(nameof(MeasuredCollection), DisableParallelization = true)]
public sealed class MeasuredCollection;
