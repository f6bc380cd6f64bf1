namespace MediaMatrix.Monitoring.Storage;

/// <summary>Snapshots, digest claims and deliveries in process, with the Redis store's semantics (leases expire by the store's clock).</summary>
public sealed partial class InMemoryMatrixStore
{
    private readonly Lock observabilityGate = new();
    private readonly Dictionary<string, AccountSnapshot> snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Week, string Recipient), (string Owner, long ExpiresAt)> digestClaims = [];
    private readonly Dictionary<(string Week, string Recipient), DigestDelivery> digestDeliveries = [];
    private readonly Dictionary<string, DigestWeek> digestWeeks = new(StringComparer.Ordinal);

    public Task SaveAccountSnapshotsAsync(IReadOnlyCollection<AccountSnapshot> snapshots, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (observabilityGate)
        {
            foreach (var snapshot in snapshots)
                this.snapshots[snapshot.AccountId] = snapshot;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, AccountSnapshot>> GetAccountSnapshotsAsync(CancellationToken cancellationToken)
    {
        lock (observabilityGate)
            return Task.FromResult<IReadOnlyDictionary<string, AccountSnapshot>>(new Dictionary<string, AccountSnapshot>(snapshots, StringComparer.Ordinal));
    }

    public Task<bool> ClaimDigestAsync(string weekKey, string recipient, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        // A monotonic clock, like Redis's own expiry: the lease is about elapsed time, not the calendar.
        var now = Environment.TickCount64;
        lock (observabilityGate)
        {
            if (digestClaims.TryGetValue((weekKey, recipient), out var held) && held.ExpiresAt > now)
                return Task.FromResult(false);
            digestClaims[(weekKey, recipient)] = (owner, now + (long)lease.TotalMilliseconds);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseDigestClaimAsync(string weekKey, string recipient, string owner, CancellationToken cancellationToken)
    {
        lock (observabilityGate)
        {
            if (digestClaims.TryGetValue((weekKey, recipient), out var held) && held.Owner == owner)
                digestClaims.Remove((weekKey, recipient));
        }

        return Task.CompletedTask;
    }

    public Task SaveDigestDeliveryAsync(DigestDelivery delivery, CancellationToken cancellationToken)
    {
        lock (observabilityGate)
            digestDeliveries[(delivery.WeekKey, delivery.Recipient)] = delivery;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DigestDelivery>> GetDigestDeliveriesAsync(string weekKey, CancellationToken cancellationToken)
    {
        lock (observabilityGate)
        {
            IReadOnlyList<DigestDelivery> week = [.. digestDeliveries.Values.Where(d => d.WeekKey == weekKey).OrderBy(d => d.Recipient, StringComparer.Ordinal)];
            return Task.FromResult(week);
        }
    }

    public Task<DigestWeek> ClaimDigestWeekAsync(DigestWeek week, CancellationToken cancellationToken)
    {
        lock (observabilityGate)
        {
            if (!digestWeeks.TryGetValue(week.WeekKey, out var kept))
                digestWeeks[week.WeekKey] = kept = week;
            return Task.FromResult(kept);
        }
    }

    public Task<DigestWeek?> GetDigestWeekAsync(string weekKey, CancellationToken cancellationToken)
    {
        lock (observabilityGate)
            return Task.FromResult(digestWeeks.GetValueOrDefault(weekKey));
    }
}
