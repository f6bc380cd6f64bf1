namespace MediaMatrix.Monitoring.Storage;

/// <summary>What the weekly digest reads and writes: each week's figures, its claims and delivery records. Kept in the
/// store so every replica sees the same and a restart forgets nothing.</summary>
public interface IDigestStore
{
    /// <summary>Takes the right to deliver the week's digest to one recipient for <paramref name="lease"/> (<c>SET NX PX</c>).
    /// False when another worker (or this one) holds it. The lease only guards the attempt; the delivery record says what happened.</summary>
    Task<bool> ClaimDigestAsync(string weekKey, string recipient, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives a claim back early, only if <paramref name="owner"/> still holds it.</summary>
    Task ReleaseDigestClaimAsync(string weekKey, string recipient, string owner, CancellationToken cancellationToken);

    /// <summary>Replaces the delivery record of (week, recipient).</summary>
    Task SaveDigestDeliveryAsync(DigestDelivery delivery, CancellationToken cancellationToken);

    /// <summary>The week's delivery records, ordered by recipient.</summary>
    Task<IReadOnlyList<DigestDelivery>> GetDigestDeliveriesAsync(string weekKey, CancellationToken cancellationToken);

    /// <summary>Keeps the week's figures unless the week already has them (<c>SET NX</c>: the first replica to build the
    /// digest claims the week), and returns the ones kept, so every replica and every restart sends the same figures.</summary>
    Task<DigestWeek> ClaimDigestWeekAsync(DigestWeek week, CancellationToken cancellationToken);

    /// <summary>The figures kept for a week, or null when no digest was built that week.</summary>
    Task<DigestWeek?> GetDigestWeekAsync(string weekKey, CancellationToken cancellationToken);
}
