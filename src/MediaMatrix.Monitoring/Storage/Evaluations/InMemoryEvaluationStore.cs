using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Evaluations and snapshots in process, with the Redis store's rules: one record per account and millisecond,
/// the newest <see cref="StoreOptions.MaxEvaluationsPerAccount"/> kept. Nothing expires: a process does not outlive the TTLs.</summary>
public sealed class InMemoryEvaluationStore : IEvaluationStore
{
    private readonly StoreOptions options;
    private readonly Lock gate = new();

    /// <summary>Per account: evaluation time in unix ms → record, oldest first.</summary>
    private readonly Dictionary<string, SortedList<long, EvaluationRecord>> evaluations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountSnapshot> snapshots = new(StringComparer.Ordinal);

    public InMemoryEvaluationStore(StoreOptions options)
    {
        options.Validate();
        this.options = options;
    }

    public Task SaveEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!evaluations.TryGetValue(record.AccountId, out var kept))
            {
                evaluations[record.AccountId] = kept = [];
            }

            // Keyed by the millisecond, as the Redis sorted set scores it: the same instant saved again replaces the record.
            kept[record.At.ToUnixTimeMilliseconds()] = record;
            while (kept.Count > options.MaxEvaluationsPerAccount)
            {
                kept.RemoveAt(0);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EvaluationRecord>> GetEvaluationHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (max <= 0 || !evaluations.TryGetValue(accountId, out var kept))
            {
                return Task.FromResult<IReadOnlyList<EvaluationRecord>>([]);
            }

            IReadOnlyList<EvaluationRecord> history = [.. kept.Values.Reverse().Take(max)];
            return Task.FromResult(history);
        }
    }

    public Task SaveAccountSnapshotsAsync(IReadOnlyCollection<AccountSnapshot> snapshots, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            foreach (var snapshot in snapshots)
            {
                this.snapshots[snapshot.AccountId] = snapshot;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, AccountSnapshot>> GetAccountSnapshotsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, AccountSnapshot>>(new Dictionary<string, AccountSnapshot>(snapshots, StringComparer.Ordinal));
        }
    }
}
