namespace MediaMatrix.Monitoring.Storage;

/// <summary>Period claims (style habit 13): a periodic side effect claims its period before acting, so two schedulers
/// or a re-fired trigger act once.</summary>
public partial interface IMatrixStore
{
    /// <summary>True for the first caller to claim (<paramref name="name"/>, <paramref name="periodKey"/>) within
    /// <paramref name="ttl"/>; false for every later one (<c>SET NX PX</c>).</summary>
    Task<bool> ClaimPeriodAsync(string name, string periodKey, TimeSpan ttl, CancellationToken cancellationToken);
}
