using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// What the periodic evaluation keeps: each account's recent evaluations (the next one's smoothing and weak streaks,
/// a bulletin's "change since the previous period"), and the latest of each as a snapshot that /metrics exports, so every
/// replica shows the same figures whichever replica evaluated.
/// </summary>
public interface IEvaluationStore
{
    /// <summary>Keeps one evaluation of one account. Keyed by the account and <see cref="EvaluationRecord.At"/> (to the
    /// millisecond): saving the same evaluation again replaces it. Only the newest
    /// <see cref="StoreOptions.MaxEvaluationsPerAccount"/> are kept.</summary>
    Task SaveEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> of the account's stored evaluations, newest first.</summary>
    Task<IReadOnlyList<EvaluationRecord>> GetEvaluationHistoryAsync(string accountId, int max, CancellationToken cancellationToken);

    /// <summary>Replaces the latest snapshot of each given account (one field per account; others untouched).</summary>
    Task SaveAccountSnapshotsAsync(IReadOnlyCollection<AccountSnapshot> snapshots, CancellationToken cancellationToken);

    /// <summary>The latest snapshot of every account that has one, by account id.</summary>
    Task<IReadOnlyDictionary<string, AccountSnapshot>> GetAccountSnapshotsAsync(CancellationToken cancellationToken);
}
