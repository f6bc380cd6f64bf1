using System.Net;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Matrix;

/// <summary>
/// Every spelling of an address that the gate has to see through. Each row is judged three ways, as
/// the gate meets it: the address a fetch dials (<see cref="PrivateNetwork.IsPrivate"/>), the host
/// of a URL (<see cref="PrivateNetwork.IsPrivateHost"/>) and a source URL in the config.
/// </summary>
public class PrivateNetworkTests
{
    [Theory]
    // plain IPv4 and IPv6, for reference
    [InlineData("127.0.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("[::1]", true)]
    [InlineData("[::]", true)]
    [InlineData("[fe80::1]", true)]
    [InlineData("[fd12:3456::1]", true)]
    [InlineData("[fec0::1]", true)]
    [InlineData("[ff02::1]", true)]
    [InlineData("[2001:4860:4860::8888]", false)]
    [InlineData("[2606:4700::1111]", false)]
    // IPv4-mapped ::ffff:0:0/96
    [InlineData("[::ffff:127.0.0.1]", true)]
    [InlineData("[::ffff:7f00:1]", true)]
    [InlineData("[::ffff:a9fe:a9fe]", true)]
    [InlineData("[::ffff:8.8.8.8]", false)]
    // IPv4-compatible ::/96 (deprecated, still dialled)
    [InlineData("[::7f00:1]", true)]
    [InlineData("[::127.0.0.1]", true)]
    [InlineData("[::a9fe:a9fe]", true)]
    [InlineData("[::10.0.0.1]", true)]
    [InlineData("[::808:808]", false)]
    // IPv4-translated ::ffff:0:0:0/96 (SIIT)
    [InlineData("[::ffff:0:127.0.0.1]", true)]
    [InlineData("[::ffff:0:808:808]", false)]
    // NAT64, well-known prefix 64:ff9b::/96
    [InlineData("[64:ff9b::a9fe:a9fe]", true)]
    [InlineData("[64:ff9b::127.0.0.1]", true)]
    [InlineData("[64:ff9b::c0a8:101]", true)]
    [InlineData("[64:ff9b::808:808]", false)]
    // NAT64, local-use prefix 64:ff9b:1::/48, read as a /96
    [InlineData("[64:ff9b:1::a9fe:a9fe]", true)]
    [InlineData("[64:ff9b:1::7f00:1]", true)]
    [InlineData("[64:ff9b:1::808:808]", false)]
    // 6to4 2002::/16, IPv4 in bits 16-47
    [InlineData("[2002:7f00:1::]", true)]
    [InlineData("[2002:a00:1::1]", true)]
    [InlineData("[2002:a9fe:a9fe::1]", true)]
    [InlineData("[2002:808:808::1]", false)]
    // Teredo 2001::/32: server 65.54.227.120 (public) or 10.0.0.1; client inverted in the last 32 bits
    [InlineData("[2001:0:4136:e378:8000:63bf:80ff:fffe]", true)]   // client 127.0.0.1
    [InlineData("[2001:0:4136:e378:8000:63bf:5601:5601]", true)]   // client 169.254.169.254
    [InlineData("[2001:0:a00:1:8000:63bf:f7f7:f7f7]", true)]       // server 10.0.0.1, client 8.8.8.8
    [InlineData("[2001:0:4136:e378:8000:63bf:f7f7:f7f7]", false)]  // server and client public
    public void EmbeddedAddresses_AreJudgedByTheIPv4TheyCarry(string host, bool isPrivate)
    {
        var address = IPAddress.Parse(host.Trim('[', ']'));

        Assert.Equal(isPrivate, PrivateNetwork.IsPrivate(address));
        Assert.Equal(isPrivate, PrivateNetwork.IsPrivateHost(host));
        var problem = SourceUrlRule.Check($"http://{host}/rss.xml", allowPrivateNetworks: false, out _);
        Assert.Equal(isPrivate, problem is not null);
        if (isPrivate)
        {
            Assert.Contains("is a private address", problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost.")]
    [InlineData("feeds.localhost")]
    public void Localhost_IsPrivateWithoutResolving(string host) => Assert.True(PrivateNetwork.IsPrivateHost(host));

    [Fact]
    public void PublicName_IsNotJudgedWithoutResolving() => Assert.False(PrivateNetwork.IsPrivateHost("rsshub.example.gov.cn"));
}
