namespace MediaMatrix.Monitoring.Fetching;

/// <summary>Thrown from the connect callback when every address of a host is private and the matrix does not allow it.</summary>
public sealed class PrivateAddressBlockedException(string host)
    : IOException($"{host} resolves only to private addresses; set matrix.allowPrivateNetworks: true to allow it")
{
    public string Host { get; } = host;
}
