using System.Net;
using System.Net.Sockets;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// The private-address gate when sources are read through <c>Fetch:Proxy</c>. The connect callback
/// then only ever dials the proxy, so the target is judged here instead, before each request
/// (SourceFetcher sends every redirect hop and every retry as a request of its own): its name is
/// resolved and the request is refused when any address is private, since the proxy resolves the
/// name again and may pick any of them. What this cannot close: a name whose DNS answer changes
/// between this lookup and the proxy's (DNS rebinding) — docs/collection.md says so.
/// </summary>
internal sealed class ProxiedTargetGate(HttpMessageHandler inner, Func<IPAddress, bool> isPrivate) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.IdnHost ?? throw new InvalidOperationException("a source request needs an absolute URL");
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.FirstOrDefault(isPrivate) is { } blocked)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, null,
                new PrivateAddressBlockedException(host, $"resolves to the private address {blocked}, and through a proxy every address of a source must be public"));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
        }
        catch (SocketException ex)
        {
            // A name the monitor cannot resolve is refused, not handed to the proxy unjudged.
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"DNS: {ex.Message}", ex);
        }
    }
}
