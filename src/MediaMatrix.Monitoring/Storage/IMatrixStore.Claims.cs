namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Claims: due accounts, the one step that replicas sharing a store must never both win; and periods
/// (style habit 13), so a periodic side effect acts once however many schedulers fire it.
/// </summary>
public partial interface IMatrixStore
{
    /// <summary>
    /// Takes up to <paramref name="max"/> accounts due at or before <paramref name="now"/> (most overdue first) and, in the
    /// same atomic step, moves each to <paramref name="now"/> + <paramref name="lease"/> in the due index, so no other
    /// dispatcher, on this replica or another, can take it before the lease runs out or the poll records its real next time.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>True for the first caller to claim (<paramref name="name"/>, <paramref name="periodKey"/>) within
    /// <paramref name="ttl"/>; false for every later one (<c>SET NX PX</c>).</summary>
    Task<bool> ClaimPeriodAsync(string name, string periodKey, TimeSpan ttl, CancellationToken cancellationToken);
}
