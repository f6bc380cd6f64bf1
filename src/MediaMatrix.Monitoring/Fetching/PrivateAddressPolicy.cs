using System.Net;
using System.Net.Sockets;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Which destinations count as private. A configured or redirected URL must never reach
/// the operator's own network unless the matrix config allows it (reliability F5).
/// </summary>
public static class PrivateAddressPolicy
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
}
