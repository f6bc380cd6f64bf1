namespace MediaMatrix.Monitoring.Storage;

/// <summary>Period claims in process. They never expire here: a process does not outlive their TTLs.</summary>
public sealed class InMemoryPeriodClaimStore : IPeriodClaimStore
{
    private readonly Lock gate = new();
    private readonly HashSet<(string Name, string Period)> claims = [];

    public Task<bool> ClaimPeriodAsync(string name, string periodKey, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(claims.Add((name, periodKey)));
        }
    }
}
