namespace MediaMatrix.Monitoring.Storage;

/// <summary>Digest weeks, claims and deliveries in process, with the Redis store's semantics (leases expire by a monotonic clock).</summary>
public sealed class InMemoryDigestStore : IDigestStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Week, string Recipient), (string Owner, long ExpiresAt)> digestClaims = [];
    private readonly Dictionary<(string Week, string Recipient), DigestDelivery> digestDeliveries = [];
    private readonly Dictionary<string, DigestWeek> digestWeeks = new(StringComparer.Ordinal);

    public Task<bool> ClaimDigestAsync(string weekKey, string recipient, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        // A monotonic clock, like Redis's own expiry: the lease is about elapsed time, not the calendar.
        var now = Environment.TickCount64;
        lock (gate)
        {
            if (digestClaims.TryGetValue((weekKey, recipient), out var held) && held.ExpiresAt > now)
                return Task.FromResult(false);
            digestClaims[(weekKey, recipient)] = (owner, now + (long)lease.TotalMilliseconds);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseDigestClaimAsync(string weekKey, string recipient, string owner, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (digestClaims.TryGetValue((weekKey, recipient), out var held) && held.Owner == owner)
                digestClaims.Remove((weekKey, recipient));
        }

        return Task.CompletedTask;
    }

    public Task SaveDigestDeliveryAsync(DigestDelivery delivery, CancellationToken cancellationToken)
    {
        lock (gate)
            digestDeliveries[(delivery.WeekKey, delivery.Recipient)] = delivery;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DigestDelivery>> GetDigestDeliveriesAsync(string weekKey, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<DigestDelivery> week = [.. digestDeliveries.Values.Where(d => d.WeekKey == weekKey).OrderBy(d => d.Recipient, StringComparer.Ordinal)];
            return Task.FromResult(week);
        }
    }

    public Task<DigestWeek> ClaimDigestWeekAsync(DigestWeek week, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!digestWeeks.TryGetValue(week.WeekKey, out var kept))
                digestWeeks[week.WeekKey] = kept = week;
            return Task.FromResult(kept);
        }
    }

    public Task<DigestWeek?> GetDigestWeekAsync(string weekKey, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(digestWeeks.GetValueOrDefault(weekKey));
    }
}
