using System.Net;
using System.Net.Sockets;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Builds the one HttpClient that reads sources. Connecting directly, the private-address gate sits
/// in <see cref="SocketsHttpHandler.ConnectCallback"/>, so it sees the address actually dialled:
/// redirects and DNS answers that change between checks go through the same gate. Through
/// <see cref="FetchOptions.Proxy"/> the callback only dials the proxy, so <see cref="ProxiedTargetGate"/>
/// judges each target before its request. No other proxy is ever used (issue 16: behind the
/// system's <c>HTTP_PROXY</c> the gate saw only the proxy and let every target through).
/// </summary>
public static class SourceHttpClient
{
    public static HttpClient Create(FetchOptions options, bool allowPrivateNetworks) =>
        Create(options, allowPrivateNetworks, PrivateNetwork.IsPrivate);

    /// <param name="isPrivate">The address rule; tests pass one that calls 127.0.0.2 "public" to stand in for a public host on loopback.</param>
    internal static HttpClient Create(FetchOptions options, bool allowPrivateNetworks, Func<IPAddress, bool> isPrivate)
    {
        if (SourceProxy.Check(options.Proxy, out var proxy) is { } problem)
        {
            throw new ArgumentException($"Fetch:Proxy: {problem}", nameof(options));
        }

        var handler = new SocketsHttpHandler
        {
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : SourceProxy.Create(proxy),
            // SourceFetcher follows redirects itself, so a source's secret headers stay on their own host.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.AttemptTimeout,
            UseCookies = false,
            // Never drain an abandoned body to reuse the connection: a trickling source would hold
            // the fetch for the drain timeout past its own budget (F3).
            MaxResponseDrainSize = 0,
            ResponseDrainTimeout = TimeSpan.Zero,
            // The proxy the operator named is dialled whatever its address; anything else still meets the gate.
            ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivateNetworks || IsProxy(context.DnsEndPoint, proxy), isPrivate, ct),
        };
        HttpMessageHandler pipeline = proxy is null || allowPrivateNetworks ? handler : new ProxiedTargetGate(handler, isPrivate);
        var client = new HttpClient(pipeline) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/html;q=0.9, */*;q=0.8");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        return client;
    }

    private static bool IsProxy(DnsEndPoint endPoint, Uri? proxy) =>
        proxy is not null && endPoint.Port == proxy.Port
        && string.Equals(endPoint.Host.Trim('[', ']'), proxy.IdnHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, Func<IPAddress, bool> isPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        var permitted = allowPrivate ? addresses : addresses.Where(a => !isPrivate(a)).ToArray();
        if (permitted.Length == 0)
        {
            throw addresses.Length == 0
                ? new SocketException((int)SocketError.HostNotFound)
                : new PrivateAddressBlockedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
