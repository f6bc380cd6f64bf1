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

    [Theory]
    [InlineData("http://127.0.0.1:{0}/")]
    [InlineData("http://localhost:{0}/")]                 // a DNS name resolving to loopback
    [InlineData("http://LocalHost:{0}/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/")]        // IPv4-mapped IPv6
    [InlineData("http://[::1]:{0}/")]
    [InlineData("http://0x7f000001:{0}/")]                // hex
    [InlineData("http://0x7f.0.0.1:{0}/")]
    [InlineData("http://2130706433:{0}/")]                // decimal
    [InlineData("http://0177.0.0.1:{0}/")]                // octal
    [InlineData("http://017700000001:{0}/")]
    [InlineData("http://127.1:{0}/")]                     // short form
    [InlineData("http://0.0.0.0:{0}/")]
    public async Task F5_LoopbackWhenPrivateNetworksAreNotAllowed_ReceivesZeroBytes(string template)
    {
        // A raw listener, so even a connection attempt would be seen.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var fetcher = Fetcher(allowPrivate: false);

        var result = await fetcher.FetchAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, port)), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.BlockedPrivate, result.ErrorClass);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task F5_PublicUrlRedirectingToLoopback_IsBlockedAtConnectAndTheListenerGetsZeroBytes()
    {
        // The internal service on 127.0.0.1 must never be reached.
        using var internalListener = new TcpListener(IPAddress.Loopback, 0);
        internalListener.Start();
        var internalPort = ((IPEndPoint)internalListener.LocalEndpoint).Port;
        // A "public" host (127.0.0.2, which this test's gate treats as public) redirects there.
        using var publicListener = new TcpListener(IPAddress.Parse("127.0.0.2"), 0);
        publicListener.Start();
        var publicPort = ((IPEndPoint)publicListener.LocalEndpoint).Port;
        var redirecting = Task.Run(async () =>
        {
            using var client = await publicListener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer);
            var answer = System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{internalPort}/admin\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(answer);
        });
        static bool OnlyLoopbackOneIsPrivate(IPAddress a) => a.Equals(IPAddress.Loopback) || (PrivateNetwork.IsPrivate(a) && !a.Equals(IPAddress.Parse("127.0.0.2")));
        using var fetcher = new SourceFetcher(SourceHttpClient.Create(Fast, allowPrivateNetworks: false, OnlyLoopbackOneIsPrivate), Fast, TimeProvider.System);

        var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.2:{publicPort}/feed.xml"), null, null, CancellationToken.None);
        await redirecting;

        Assert.Equal(FetchErrorClass.BlockedPrivate, result.ErrorClass);
        Assert.False(internalListener.Pending());
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("FILE:///etc/passwd")]
    [InlineData("ftp://example.org/feed.xml")]
    [InlineData("gopher://example.org/")]
    [InlineData("data:text/html,<rss/>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("  file:///etc/passwd")]
    public async Task F6_NonHttpSchemes_AreRejectedByValidateAndAtFetch(string url)
    {
        Assert.NotNull(SourceUrlRule.Check(url, allowPrivateNetworks: true, out _));
        using var fetcher = Fetcher();
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return; // not even a URL: nothing to fetch
        }

        var result = await fetcher.FetchAsync(uri, null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(FetchErrorClass.Other, result.ErrorClass);
    }

    [Fact]
    public async Task F11_DeadHost_OpensItsOwnCircuitOnly()
    {
        await using var dead = await LoopbackServer.StartAsync(c =>
        {
            c.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var alive = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("ok"));
        var options = new FetchOptions { MaxRetries = 0, BreakerMinimumThroughput = 4, BreakerBreakDuration = TimeSpan.FromMinutes(1) };
        using var fetcher = Fetcher(options: options);
        // The same server under another host name is another host to the fetcher: "localhost" vs 127.0.0.1.
        var deadUrl = new Uri($"http://localhost:{dead.BaseUrl.Port}/x");

        for (var i = 0; i < 6; i++)
        {
            await fetcher.FetchAsync(deadUrl, null, null, CancellationToken.None);
        }

        var requestsWhenOpen = dead.Requests;
        var refused = await fetcher.FetchAsync(deadUrl, null, null, CancellationToken.None);
        var other = await fetcher.FetchAsync(alive.Url("x"), null, null, CancellationToken.None);

        Assert.Contains("circuit open", refused.Error, StringComparison.Ordinal);
        Assert.Equal(requestsWhenOpen, dead.Requests); // an open circuit sends nothing
        Assert.Equal(FetchOutcome.Fetched, other.Outcome);
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
