namespace MediaMatrix.Monitoring.Storage;

/// <summary>Claims under the store's one lock: read and move happen with no other caller in between.</summary>
public sealed partial class InMemoryMatrixStore
{
    public Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var leasedUntil = (now + lease).ToUnixTimeMilliseconds();
        lock (gate)
        {
            IReadOnlyList<string> claimed = [.. due
                .Where(entry => entry.Value <= nowMs)
                .OrderBy(entry => entry.Value)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .Take(max)
                .Select(entry => entry.Key)];
            foreach (var id in claimed)
            {
                due[id] = leasedUntil;
            }

            return Task.FromResult(claimed);
        }
    }
}
