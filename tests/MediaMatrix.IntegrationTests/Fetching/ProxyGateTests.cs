using System.Net;
using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Fetching;

/// <summary>
/// The private-address gate with a proxy in the way (issue 16), against a real forward proxy on
/// loopback that counts what it is asked. The system proxy from the environment is never used for
/// sources; the <c>Fetch:Proxy</c> setting is, and then each target is judged before its request.
/// In-process tests use the seam where 127.0.0.2 stands for a public host; the proxy itself sits
/// on 127.0.0.1, a private address, as a county's egress proxy would.
/// </summary>
public sealed class ProxyGateTests(ITestOutputHelper output)
{
    private static bool OnlyLoopbackTwoIsPublic(IPAddress a) => !a.Equals(IPAddress.Parse("127.0.0.2")) && PrivateNetwork.IsPrivate(a);

    private static SourceFetcher Fetcher(Uri proxy, bool allowPrivate = false)
    {
        var options = new FetchOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            Proxy = proxy.GetLeftPart(UriPartial.Authority),
        };
        return new SourceFetcher(SourceHttpClient.Create(options, allowPrivate, OnlyLoopbackTwoIsPublic), options, TimeProvider.System);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/feed.xml")]
    [InlineData("http://localhost:{0}/feed.xml")]            // a name that resolves to loopback
    [InlineData("http://[::ffff:127.0.0.1]:{0}/feed.xml")]
    [InlineData("http://[::127.0.0.1]:{0}/feed.xml")]
    [InlineData("http://127.1:{0}/feed.xml")]
    public async Task ThroughTheProxy_TargetThatResolvesPrivately_IsRefusedBeforeTheProxyIsAsked(string template)
    {
        await using var origin = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("<rss/>"));
        await using var proxy = await LoopbackProxy.StartAsync();
        using var fetcher = Fetcher(proxy.Url);

        var url = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, origin.BaseUrl.Port));
        var result = await fetcher.FetchAsync(url, null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.BlockedPrivate, result.ErrorClass);
        Assert.Contains("through a proxy every address of a source must be public", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, proxy.Requests);
        Assert.Equal(0, origin.Requests);
    }

    [Fact]
    public async Task ThroughTheProxy_PermittedTarget_IsFetchedThroughTheProxy()
    {
        await using var origin = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("<rss/>"), "127.0.0.2");
        await using var proxy = await LoopbackProxy.StartAsync();
        using var fetcher = Fetcher(proxy.Url);

        var result = await fetcher.FetchAsync(origin.Url("feed.xml"), null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal(1, proxy.Requests);
        Assert.Equal([origin.Url("feed.xml").AbsoluteUri], proxy.Targets);
        Assert.Equal(1, origin.Requests);
    }

    [Fact]
    public async Task ThroughTheProxy_RedirectToAPrivateTarget_IsRefusedBeforeTheSecondRequest()
    {
        await using var internalService = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("secret"));
        await using var origin = await LoopbackServer.StartAsync(c =>
        {
            c.Response.Redirect(internalService.Url("admin").AbsoluteUri);
            return Task.CompletedTask;
        }, "127.0.0.2");
        await using var proxy = await LoopbackProxy.StartAsync();
        using var fetcher = Fetcher(proxy.Url);

        var result = await fetcher.FetchAsync(origin.Url("feed.xml"), null, null, CancellationToken.None);

        Assert.Equal(FetchErrorClass.BlockedPrivate, result.ErrorClass);
        Assert.Equal(1, proxy.Requests);       // the redirect itself came through the proxy
        Assert.Equal(0, internalService.Requests);
    }

    [Fact]
    public async Task ThroughTheProxy_AllowPrivateNetworks_ReachesAPrivateTarget()
    {
        await using var origin = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("<rss/>"));
        await using var proxy = await LoopbackProxy.StartAsync();
        using var fetcher = Fetcher(proxy.Url, allowPrivate: true);

        var result = await fetcher.FetchAsync(origin.Url("feed.xml"), null, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(1, proxy.Requests);
    }

    [Fact]
    public async Task SystemProxyFromTheEnvironment_IsNotUsedForSources()
    {
        // A child process, because .NET reads HTTP_PROXY once per process.
        await using var origin = await LoopbackServer.StartAsync(ServePage);
        await using var proxy = await LoopbackProxy.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["HTTP_PROXY"] = proxy.Url.AbsoluteUri,
            ["http_proxy"] = proxy.Url.AbsoluteUri,
            ["ALL_PROXY"] = proxy.Url.AbsoluteUri,
        };

        var (exit, stdout, _) = await ProfileTestAsync(origin, environment);

        Assert.Equal(0, exit);
        Assert.Contains("1 items — 1 dated", stdout, StringComparison.Ordinal);
        Assert.Equal(0, proxy.Requests);
        Assert.Equal(1, origin.Requests);
    }

    [Fact]
    public async Task FetchProxySetting_IsUsedForSources()
    {
        await using var origin = await LoopbackServer.StartAsync(ServePage);
        await using var proxy = await LoopbackProxy.StartAsync();

        var (exit, stdout, _) = await ProfileTestAsync(origin, new Dictionary<string, string> { ["Fetch__Proxy"] = proxy.Url.GetLeftPart(UriPartial.Authority) });

        Assert.Equal(0, exit);
        Assert.Contains("1 items — 1 dated", stdout, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Requests);
        Assert.Equal(1, origin.Requests);
    }

    [Fact]
    public async Task BadFetchProxySetting_EndsWithTheSettingsLine()
    {
        await using var origin = await LoopbackServer.StartAsync(ServePage);

        var (exit, _, stderr) = await ProfileTestAsync(origin, new Dictionary<string, string> { ["Fetch__Proxy"] = "proxy.example.gov.cn:3128" });

        Assert.Equal(1, exit);
        Assert.Equal("mediamatrix: settings: Fetch:Proxy: 'proxy.example.gov.cn:3128' is not a proxy URL; use http, https, socks4, socks4a, socks5 with a host and port, e.g. http://proxy.example.gov.cn:3128",
            stderr.Trim());
        Assert.Equal(0, origin.Requests);
    }

    [Theory]
    [InlineData("ftp://proxy.example.gov.cn:21", "is not a proxy URL")]
    [InlineData("proxy.example.gov.cn", "is not a proxy URL")]
    [InlineData("http://proxy.example.gov.cn:3128/squid", "has a path, query or fragment")]
    [InlineData(" http://proxy.example.gov.cn:3128", "has leading or trailing spaces")]
    [InlineData("http://user:hunter2@proxy.example.gov.cn:3128/x", "'http://***@proxy.example.gov.cn:3128/x' has a path")]
    public void Serve_WithABadProxy_DoesNotStart_AndNamesTheKey(string proxy, string expected)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Kind"] = "memory",
            ["Fetch:Proxy"] = proxy,
        }).Build();
        var matrix = MatrixConfigLoader.LoadFromText(Matrix("http://rsshub.example.gov.cn/x"), "matrix.yaml").Config!;

        var error = Assert.Throws<SettingsException>(() => MonitorHost.Build(settings, matrix));

        Assert.StartsWith("Fetch:Proxy: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static Task ServePage(HttpContext c)
    {
        c.Response.ContentType = "text/html; charset=utf-8";
        return c.Response.WriteAsync("""<ul class="news"><li><a href="/a/1.html">区政府召开常务会议</a><span>2026-11-20</span></li></ul>""");
    }

    private static string Matrix(string url) => $$"""
        matrix: { name: 测试, allowPrivateNetworks: true }
        accounts:
          - { id: head, name: 主账号, platform: app, tier: head, department: 部门, source: { kind: feed, url: "{{url}}" } }
        profiles:
          news: { items: "ul.news li", title: "a", link: "a@href", published: "span" }
        """;

    private async Task<(int ExitCode, string Stdout, string Stderr)> ProfileTestAsync(LoopbackServer origin, Dictionary<string, string> environment)
    {
        var config = Path.Combine(Path.GetTempPath(), $"mm-proxy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, Matrix("http://rsshub.example.gov.cn/x"));
        try
        {
            var run = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), environment,
                "profile", "test", "--config", config, "--profile", "news", "--url", origin.Url("list.html").AbsoluteUri);
            output.WriteLine(run.Stdout + run.Stderr);
            return run;
        }
        finally
        {
            File.Delete(config);
        }
    }
}
