namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Period claims (style habit 13): a periodic side effect (the quarterly bulletin) acts once however many schedulers,
/// on however many replicas, fire it.
/// </summary>
public interface IPeriodClaimStore
{
    /// <summary>True for the first caller to claim (<paramref name="name"/>, <paramref name="periodKey"/>) within
    /// <paramref name="ttl"/>; false for every later one (<c>SET NX PX</c>).</summary>
    Task<bool> ClaimPeriodAsync(string name, string periodKey, TimeSpan ttl, CancellationToken cancellationToken);
}
