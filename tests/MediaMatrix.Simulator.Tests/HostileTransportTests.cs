using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Xml;

namespace MediaMatrix.Simulator.Tests;

/// <summary>The behaviours that attack the fetcher (reliability.md F1–F4, F9, F12), read with a plain HttpClient.</summary>
public sealed class HostileTransportTests
{
    private const int FiveMiB = 5 * 1024 * 1024;

    [Fact]
    public async Task Blocked_Answers403WithAChallengePage()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("feeds/blocked/rss.xml");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("安全验证", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RedirectChain_ServesTheFeedAfterSixRedirects()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var http = NonRedirectingClient(simulator);

        var (redirects, final) = await FollowAsync(http, "feeds/redirect-chain/rss.xml", maxRedirects: 20);

        Assert.Equal(6, redirects.Count);
        Assert.Equal(HttpStatusCode.OK, final);
    }

    [Fact]
    public async Task RedirectLoop_AlternatesBetweenTwoUrlsForEver()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        using var http = NonRedirectingClient(simulator);

        var (redirects, final) = await FollowAsync(http, "feeds/redirect-loop/rss.xml", maxRedirects: 10);

        Assert.Equal(HttpStatusCode.Found, final);
        Assert.Equal(2, redirects.Skip(1).Distinct().Count());
    }

    [Fact]
    public async Task Oversized_StreamsPastAnyCapWithoutContentLength()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("feeds/oversized/rss.xml", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal(FiveMiB + 1, await CountBytesAsync(body, FiveMiB + 1));
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task CompressionBomb_InflatesFarBeyondItsSize(string acceptEncoding, string expectedEncoding)
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "feeds/bomb/rss.xml");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await simulator.Http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(expectedEncoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(compressed.Length < 1024 * 1024, $"{compressed.Length} bytes on the wire");
        await using var inflating = expectedEncoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Equal(FiveMiB + 1, await CountBytesAsync(inflating, FiveMiB + 1));
    }

    [Fact]
    public async Task Stalled_NeverSendsHeaders_AndLetsTheSimulatorStop()
    {
        var simulator = await RunningSimulator.StartAsync();
        using var impatient = new HttpClient { BaseAddress = simulator.Host.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        using var patient = new HttpClient { BaseAddress = simulator.Host.BaseUrl };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("feeds/stalled/rss.xml"));
        var stalledAgain = patient.GetAsync("feeds/stalled/rss.xml");
        await Task.Delay(100);

        // Stopping the host must end the request it is still holding, not wait out the shutdown timeout.
        var stopping = Stopwatch.StartNew();
        await simulator.Host.DisposeAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        HttpResponseMessage? answer = null;
        try
        {
            answer = await stalledAgain;
        }
        catch (HttpRequestException)
        {
            // The connection closed without a response: what a stopped server does.
        }

        Assert.True(answer is null || !answer.IsSuccessStatusCode);
        answer?.Dispose();
        simulator.Http.Dispose();
    }

    [Fact]
    public async Task Trickle_SendsOneBytePerSecondOfTheSimulatorsClock()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("feeds/trickle/rss.xml", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16];

        Assert.Equal(1, await body.ReadAsync(buffer));
        Assert.Equal((byte)'<', buffer[0]);
        var next = body.ReadAsync(buffer).AsTask();
        var waited = Stopwatch.StartNew();
        while (!next.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            simulator.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, Task.Delay(50));
        }

        Assert.Equal(1, await next);
        Assert.Equal((byte)'?', buffer[0]);
    }

    [Fact]
    public async Task XmlBomb_CarriesADtdWithExternalEntities_AndCountsCanaryHits()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var xml = await simulator.GetStringAsync("feeds/xml-bomb/rss.xml");

        Assert.Contains("<!ENTITY lol9 ", xml);
        Assert.Contains("<!ENTITY file SYSTEM \"file:///etc/passwd\">", xml);
        Assert.Contains($"<!ENTITY canary SYSTEM \"{simulator.Host.BaseUrl}canary/xml-bomb\">", xml);
        // .NET's default reader refuses DTDs: the safe reading a fetcher should keep.
        Assert.Throws<XmlException>(() => { using var reader = XmlReader.Create(new StringReader(xml)); while (reader.Read()) { } });
        Assert.Equal(0, simulator.Host.CanaryHits);

        await simulator.GetStringAsync("canary/xml-bomb");
        Assert.Equal(1, simulator.Host.CanaryHits);
    }

    private static HttpClient NonRedirectingClient(RunningSimulator simulator) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = simulator.Host.BaseUrl };

    private static async Task<(List<string> Redirects, HttpStatusCode Final)> FollowAsync(HttpClient http, string path, int maxRedirects)
    {
        var redirects = new List<string>();
        var next = path;
        while (true)
        {
            using var response = await http.GetAsync(next);
            if (response.StatusCode != HttpStatusCode.Found || redirects.Count == maxRedirects)
            {
                return (redirects, response.StatusCode);
            }

            next = response.Headers.Location!.OriginalString;
            redirects.Add(next);
        }
    }

    private static async Task<int> CountBytesAsync(Stream stream, int limit)
    {
        var buffer = new byte[81920];
        var total = 0;
        while (total < limit)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, limit - total)));
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
