using System.Net;
using System.Net.Sockets;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Fetching;

/// <summary>The fetcher against real HTTP on loopback: what each kind of bad source turns into.</summary>
public sealed class SourceFetcherTests
{
    private static readonly FetchOptions Fast = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(2),
        TotalTimeout = TimeSpan.FromSeconds(6),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxBodyBytes = 64 * 1024,
    };

    private static SourceFetcher Fetcher(bool allowPrivate = true, FetchOptions? options = null) =>
        new(SourceHttpClient.Create(options ?? Fast, allowPrivate), options ?? Fast, TimeProvider.System);

    [Fact]
    public async Task Ok_ReturnsBodyContentTypeAndValidators()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/rss+xml; charset=utf-8";
            c.Response.Headers.ETag = "\"v1\"";
            await c.Response.WriteAsync("<rss/>");
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("rss.xml"), null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("\"v1\"", result.ETag);
        Assert.StartsWith("application/rss+xml", result.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConditionalGet_304IsNotModified()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = c.Request.Headers.IfNoneMatch == "\"v1\"" ? 304 : 200;
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("rss.xml"), "\"v1\"", null, CancellationToken.None);

        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
    }

    [Fact]
    public async Task Transient503_IsRetriedWithinThePoll()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (Interlocked.Increment(ref calls) < 3)
            {
                c.Response.StatusCode = 503;
                return;
            }

            await c.Response.WriteAsync("ok");
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("x"), null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task F10_LongRetryAfter_IsNotWaitedOutAndIsReported()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("x"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.Http4xx, result.ErrorClass);
        Assert.Equal(TimeSpan.FromHours(1), result.RetryAfter);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(403, FetchErrorClass.Blocked)]
    [InlineData(418, FetchErrorClass.Blocked)]
    [InlineData(404, FetchErrorClass.Http4xx)]
    [InlineData(500, FetchErrorClass.Http5xx)]
    public async Task HttpErrors_AreClassified(int status, FetchErrorClass expected)
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("x"), null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(expected, result.ErrorClass);
    }

    [Fact]
    public async Task F4_RedirectLoopIsRefused()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.Redirect(c.Request.Path == "/a" ? "/b" : "/a");
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("a"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.Redirects, result.ErrorClass);
        Assert.InRange(server.Requests, 6, 6);
    }

    [Fact]
    public async Task F1_ChunkedBodyOverTheCap_IsAbortedAsTooLarge()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var chunk = new byte[16 * 1024];
            for (var i = 0; i < 1000 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("huge"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.TooLarge, result.ErrorClass);
    }

    [Fact]
    public async Task F3_HeadersNeverSent_EndsAtTheTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async c => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
        var options = new FetchOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300), TotalTimeout = TimeSpan.FromSeconds(1), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        using var fetcher = Fetcher(options: options);

        var result = await fetcher.FetchAsync(server.Url("slow"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.Timeout, result.ErrorClass);
    }

    [Fact]
    public async Task F5_LoopbackWhenPrivateNetworksAreNotAllowed_ReceivesNothing()
    {
        // A raw listener, so even a connection attempt would be seen.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var fetcher = Fetcher(allowPrivate: false);

        foreach (var url in new[] { $"http://127.0.0.1:{port}/", $"http://localhost:{port}/", $"http://[::ffff:127.0.0.1]:{port}/", $"http://0x7f000001:{port}/" })
        {
            var result = await fetcher.FetchAsync(new Uri(url), null, null, CancellationToken.None);
            Assert.Equal(FetchErrorClass.BlockedPrivate, result.ErrorClass);
        }

        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task F5_ShortFormIPv4Literal_IsBlockedAtConnect()
    {
        // "127.1" is 127.0.0.1 to the resolver; the gate sees the address actually dialled.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var fetcher = Fetcher(allowPrivate: false);

        var result = await fetcher.FetchAsync(new Uri($"http://127.1:{port}/"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.BlockedPrivate, result.ErrorClass);
        Assert.False(listener.Pending());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2001:4860:4860::8888", false)]
    public void F5_PrivateRanges(string address, bool isPrivate)
    {
        Assert.Equal(isPrivate, PrivateNetwork.IsPrivate(IPAddress.Parse(address)));
    }
}
