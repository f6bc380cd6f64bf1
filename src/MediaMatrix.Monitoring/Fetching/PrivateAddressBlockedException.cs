namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Thrown by the private-address gate: from the connect callback when every address of a host is
/// private, or before a request through a proxy when any address the target resolves to is.
/// </summary>
public sealed class PrivateAddressBlockedException(string host, string reason)
    : IOException($"{host} {reason}; set matrix.allowPrivateNetworks: true to allow it")
{
    public PrivateAddressBlockedException(string host)
        : this(host, "resolves only to private addresses")
    {
    }

    public string Host { get; } = host;
}
