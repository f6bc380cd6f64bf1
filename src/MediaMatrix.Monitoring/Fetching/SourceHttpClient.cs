using System.Net;
using System.Net.Sockets;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Builds the one HttpClient that reads sources. The private-address gate sits in
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, so it sees the address actually dialled:
/// redirects and DNS answers that change between checks go through the same gate.
/// </summary>
public static class SourceHttpClient
{
    public static HttpClient Create(FetchOptions options, bool allowPrivateNetworks) =>
        Create(options, allowPrivateNetworks, PrivateNetwork.IsPrivate);

    /// <param name="isPrivate">The address rule; tests pass one that calls 127.0.0.2 "public" to stand in for a public host on loopback.</param>
    internal static HttpClient Create(FetchOptions options, bool allowPrivateNetworks, Func<IPAddress, bool> isPrivate)
    {
        var handler = new SocketsHttpHandler
        {
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
            ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivateNetworks, isPrivate, ct),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/html;q=0.9, */*;q=0.8");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        return client;
    }

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
