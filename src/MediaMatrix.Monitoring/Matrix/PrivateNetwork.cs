using System.Net;
using System.Net.Sockets;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Addresses a monitor must not be talked into reading (SSRF): loopback, RFC 1918 and RFC 4193
/// private ranges, link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT and
/// "this network", multicast and reserved ranges. The config check only sees literal hosts; the fetch stage applies the same
/// test to the address it actually connects to, which also covers DNS names.
/// </summary>
public static class PrivateNetwork
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] >= 64 && b[1] <= 127,      // CGNAT 100.64.0.0/10
                169 => b[1] == 254,                    // link-local
                172 => b[1] >= 16 && b[1] <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] == 0),
                198 => b[1] == 18 || b[1] == 19,       // benchmarking 198.18.0.0/15
                >= 224 => true,                        // multicast and reserved
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            return (b[0] & 0xFE) == 0xFC                // unique local fc00::/7
                || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) // link-local fe80::/10
                || b[0] == 0xFF                         // multicast
                || address.IsIPv6SiteLocal;
        }

        return true;
    }

    /// <summary>True for <c>localhost</c> (and <c>*.localhost</c>, RFC 6761) and literal private IPs; DNS names are not resolved.</summary>
    public static bool IsPrivateHost(string host)
    {
        host = host.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address);
    }
}
