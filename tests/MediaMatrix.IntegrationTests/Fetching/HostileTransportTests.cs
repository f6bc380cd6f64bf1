using System.Diagnostics;
using System.IO.Compression;
using MediaMatrix.IntegrationTests.Collection;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Cast;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Fetching;

/// <summary>F1–F4, F9, F12 against the simulator's hostile transports, with the fetcher's default caps.</summary>
[Collection(nameof(MeasuredCollection))]
public sealed class HostileTransportTests(ITestOutputHelper output)
{
    private static readonly SimulatedAccount Head = new("head", "主账号", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active);

    private static async Task<(SimulatorHost Simulator, Uri Url)> StartAsync(AccountBehaviour behaviour, SourceFormat format = SourceFormat.Rss)
    {
        var account = new SimulatedAccount("hostile", "恶意源", "website", "member", "部门", Topic.News, format, behaviour);
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Cast = [Head, account] }, CancellationToken.None);
        return (simulator, new Uri(simulator.BaseUrl, account.SourcePath));
    }

    private static SourceFetcher Fetcher(FetchOptions options) => new(SourceHttpClient.Create(options, allowPrivateNetworks: true), options, TimeProvider.System);

    [Fact]
    public async Task F1_100MiBChunkedBody_IsAbortedAtTheCapWithBoundedWorkingSet()
    {
        var (simulator, url) = await StartAsync(AccountBehaviour.Oversized);
        await using var _ = simulator;
        using var fetcher = Fetcher(new FetchOptions()); // the default 5 MiB cap
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                await Task.Delay(20);
            }
        });

        var result = await fetcher.FetchAsync(url, null, null, CancellationToken.None);
        await sampling.CancelAsync();
        await sampler;

        var growth = (peak - before) / (1024.0 * 1024);
        output.WriteLine($"working set grew {growth:0.0} MiB while reading a 100 MiB body");
        Assert.Equal(FetchErrorClass.TooLarge, result.ErrorClass);
        Assert.True(growth < 64, $"working set grew {growth:0.0} MiB");
    }

    [Fact]
    public async Task F2_BrotliBomb_StopsAtTheDecompressedCapWithinFiveSeconds()
    {
        var (simulator, url) = await StartAsync(AccountBehaviour.CompressionBomb);
        await using var _ = simulator;
        using var fetcher = Fetcher(new FetchOptions());

        var stopwatch = Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(url, null, null, CancellationToken.None);

        output.WriteLine($"brotli bomb stopped after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(FetchErrorClass.TooLarge, result.ErrorClass);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task F2_GzipBomb_StopsAtTheDecompressedCapWithinFiveSeconds()
    {
        // 128 MiB of zeros gzip to ~130 KB; served to any client, as a hostile server would.
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 128; i++)
            {
                await gzip.WriteAsync(zeros);
            }
        }

        var bomb = compressed.ToArray();
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            c.Response.ContentType = "application/rss+xml";
            return c.Response.Body.WriteAsync(bomb, c.RequestAborted).AsTask();
        });
        using var fetcher = Fetcher(new FetchOptions());

        var stopwatch = Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(server.Url("bomb.xml"), null, null, CancellationToken.None);

        output.WriteLine($"gzip bomb ({bomb.Length / 1024} KB) stopped after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(FetchErrorClass.TooLarge, result.ErrorClass);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData(AccountBehaviour.Stalled)]
    [InlineData(AccountBehaviour.Trickle)]
    public async Task F3_StalledOrTrickledSource_EndsWithinTheTotalBudget(AccountBehaviour behaviour)
    {
        var (simulator, url) = await StartAsync(behaviour);
        await using var _ = simulator;
        var options = new FetchOptions { AttemptTimeout = TimeSpan.FromMilliseconds(700), TotalTimeout = TimeSpan.FromSeconds(2), MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(50) };
        using var fetcher = Fetcher(options);

        var stopwatch = Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(url, null, null, CancellationToken.None);

        output.WriteLine($"{behaviour}: gave up after {stopwatch.Elapsed.TotalMilliseconds:0} ms ({result.Error})");
        Assert.Equal(FetchErrorClass.Timeout, result.ErrorClass);
        Assert.True(stopwatch.Elapsed < options.TotalTimeout + TimeSpan.FromMilliseconds(300), $"took {stopwatch.Elapsed}");

        // The worker is freed: the host's slots are all available again for the next fetch.
        var again = await fetcher.FetchAsync(new Uri(simulator.BaseUrl, "feeds/head/rss.xml"), null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Fetched, again.Outcome);
    }

    [Theory]
    [InlineData(AccountBehaviour.RedirectChain)]
    [InlineData(AccountBehaviour.RedirectLoop)]
    public async Task F4_SixHopChainAndLoop_FailAfterFiveRedirects(AccountBehaviour behaviour)
    {
        var (simulator, url) = await StartAsync(behaviour);
        await using var _ = simulator;
        using var fetcher = Fetcher(new FetchOptions());

        var result = await fetcher.FetchAsync(url, null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.Redirects, result.ErrorClass);
    }

    [Fact]
    public async Task F9_XmlBomb_IsRefusedOrEntityFreeAndTheCanaryIsNeverCalled()
    {
        var (simulator, url) = await StartAsync(AccountBehaviour.XmlBomb);
        await using var _ = simulator;
        using var fetcher = Fetcher(new FetchOptions());
        var fetched = await fetcher.FetchAsync(url, null, null, CancellationToken.None);
        Assert.Equal(FetchOutcome.Fetched, fetched.Outcome);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = PostExtractor.Extract(new ExtractionRequest(SourceKind.Feed, null, fetched.Body, fetched.ContentType, url,
                TimeProvider.System.GetUtcNow(), TimeZoneInfo.Utc));
            Assert.All(result.Posts, p => Assert.DoesNotContain("lol", p.Title, StringComparison.Ordinal));
            Assert.All(result.Posts, p => Assert.DoesNotContain("root:", p.Title, StringComparison.Ordinal));
        }
        catch (ExtractionException ex)
        {
            Assert.Equal(FetchErrorClass.Parse, ex.ErrorClass);
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
        Assert.Equal(0, simulator.CanaryHits);
    }

    [Fact]
    public async Task F12_AntiBot403_IsBlocked()
    {
        var (simulator, url) = await StartAsync(AccountBehaviour.Blocked, SourceFormat.HtmlList);
        await using var _ = simulator;
        using var fetcher = Fetcher(new FetchOptions());

        var result = await fetcher.FetchAsync(url, null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.Blocked, result.ErrorClass);
    }

    [Fact]
    public async Task SourceHeaders_FollowSameHostRedirectsButNeverGoToAnotherHost()
    {
        var cookies = new List<string>();
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            lock (cookies)
            {
                cookies.Add($"{c.Request.Host.Host}{c.Request.Path}={c.Request.Headers.Cookie}");
            }

            return c.Request.Path.Value switch
            {
                "/start" => Redirect(c, "/moved"),
                // The same server under another name is another host to the fetcher.
                "/moved" => Redirect(c, $"http://localhost:{c.Request.Host.Port}/elsewhere"),
                _ => c.Response.WriteAsync("ok"),
            };
        });
        using var fetcher = Fetcher(new FetchOptions());

        var result = await fetcher.FetchAsync(server.Url("start"), null, null, new Dictionary<string, string> { ["Cookie"] = "SUB=secret" }, CancellationToken.None);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(["127.0.0.1/start=SUB=secret", "127.0.0.1/moved=SUB=secret", "localhost/elsewhere="], cookies);
    }

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.Redirect(location);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SourceHeaders_AreExpandedFromTheEnvironmentPerRequest()
    {
        string? cookie = null;
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            cookie = c.Request.Headers.Cookie;
            return c.Response.WriteAsync("ok");
        });
        Environment.SetEnvironmentVariable("MM_TEST_WEIBO_COOKIE", "SUB=secret");
        using var fetcher = Fetcher(new FetchOptions());
        var headers = new Dictionary<string, string> { ["Cookie"] = "${MM_TEST_WEIBO_COOKIE}; lang=zh" };

        var ok = await fetcher.FetchAsync(server.Url("x"), null, null, headers, CancellationToken.None);
        var missing = await fetcher.FetchAsync(server.Url("x"), null, null, new Dictionary<string, string> { ["Cookie"] = "${MM_TEST_NOT_SET_ANYWHERE}" }, CancellationToken.None);

        Assert.Equal(FetchOutcome.Fetched, ok.Outcome);
        Assert.Equal("SUB=secret; lang=zh", cookie);
        Assert.Equal(FetchErrorClass.Other, missing.ErrorClass);
        Assert.Contains("MM_TEST_NOT_SET_ANYWHERE", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }
}
