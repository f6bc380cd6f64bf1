using System.Net;
using System.Net.Sockets;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Addresses a monitor must not be talked into reading (SSRF): loopback, RFC 1918 and RFC 4193
/// private ranges, link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT and
/// "this network", multicast and reserved ranges. An IPv6 address that carries an IPv4 address
/// (mapped, compatible, NAT64, 6to4, Teredo) is judged by the IPv4 address it carries, since that
/// is where a translator or tunnel delivers the request. The config check only sees literal hosts;
/// the fetch stage applies the same test to the address it actually connects to (or, through a
/// proxy, to every address the target name resolves to), which also covers DNS names.
/// </summary>
public static class PrivateNetwork
{
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPrivateV4(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return true;
        }

        foreach (var embedded in EmbeddedIPv4(b))
        {
            if (IsPrivateV4(embedded))
            {
                return true;
            }
        }

        return (b[0] & 0xFE) == 0xFC                    // unique local fc00::/7
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)  // link-local fe80::/10
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)  // site-local fec0::/10 (deprecated, still routed inside some networks)
            || b[0] == 0xFF;                            // multicast
    }

    /// <summary>True for <c>localhost</c> (and <c>*.localhost</c>, RFC 6761) and literal private IPs; DNS names are not resolved.</summary>
    public static bool IsPrivateHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address);
    }

    /// <summary>
    /// The IPv4 addresses an IPv6 address carries, by the form it is in. Teredo carries two, the
    /// server (bits 32–63) and the client (the last 32 bits, inverted), and both are judged: the
    /// relay talks to the client, but a private server is no more a public host than a private client.
    /// The local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215) is read as a /96, the form DNS64 synthesises
    /// and RFC 8215 describes; a network that carves a shorter prefix out of it is not guessed at.
    /// </summary>
    private static List<IPAddress> EmbeddedIPv4(ReadOnlySpan<byte> b)
    {
        var found = new List<IPAddress>(2);
        if (IsZero(b[..10]) && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)))
        {
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated by RFC 4291 but still dialled by some stacks).
            found.Add(new IPAddress(b[12..16]));
        }
        else if (IsZero(b[..8]) && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0)
        {
            // ::ffff:0:a.b.c.d, the IPv4-translated form of SIIT (RFC 2765).
            found.Add(new IPAddress(b[12..16]));
        }
        else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B
            && (IsZero(b[4..12]) || (b[4] == 0x00 && b[5] == 0x01)))
        {
            // NAT64: the well-known 64:ff9b::/96 (RFC 6052) and the local-use 64:ff9b:1::/48 (RFC 8215).
            found.Add(new IPAddress(b[12..16]));
        }
        else if (b[0] == 0x20 && b[1] == 0x02)
        {
            // 6to4 2002::/16 (RFC 3056): the IPv4 address is in bits 16–47.
            found.Add(new IPAddress(b[2..6]));
        }
        else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            // Teredo 2001::/32 (RFC 4380): server in bits 32–63, client in bits 96–127 with every bit inverted.
            found.Add(new IPAddress(b[4..8]));
            Span<byte> client = stackalloc byte[4];
            for (var i = 0; i < 4; i++)
            {
                client[i] = (byte)~b[12 + i];
            }

            found.Add(new IPAddress(client));
        }

        return found;
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    private static bool IsPrivateV4(IPAddress address)
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
            >= 224 => true,                        // multicast, reserved and broadcast
            _ => false,
        };
    }
}
