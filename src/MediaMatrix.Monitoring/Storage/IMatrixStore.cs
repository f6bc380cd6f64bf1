using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>The outcome of one poll of one account, written in one call so the store can apply it atomically.</summary>
public sealed record PollRecord(string AccountId, IReadOnlyList<Post> Posts, PollState State);

/// <summary>
/// Where posts and poll state live: Redis in production, in process for a single machine.
/// Both implementations pass one contract test suite. Every write is idempotent: applying the
/// same <see cref="PollRecord"/> twice leaves the same data behind.
/// </summary>
public partial interface IMatrixStore
{
    /// <summary>Saves the poll's posts (deduplicated by id per account; a re-seen post is updated in place),
    /// replaces the account's poll state and moves it in the due index to <see cref="PollState.NextDueAt"/>.
    /// Returns how many of the posts were not stored before.</summary>
    Task<int> RecordPollAsync(PollRecord record, CancellationToken cancellationToken);

    /// <summary>The account's posts published at or after <paramref name="since"/>, newest first. Undated posts are not returned.</summary>
    Task<IReadOnlyList<Post>> GetPostsAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The poll state of each requested account that has one.</summary>
    Task<IReadOnlyDictionary<string, PollState>> GetPollStatesAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken);

    /// <summary>Puts accounts into the due index at the given times unless they are there already (start-up, config reload).</summary>
    Task EnsureScheduledAsync(IReadOnlyDictionary<string, DateTimeOffset> firstDue, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> accounts whose next poll is due at or before <paramref name="now"/>, most overdue first.</summary>
    Task<IReadOnlyList<string>> GetDueAccountsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Moves an account in the due index without a poll (a claim by a dispatcher, or "poll now").</summary>
    Task SetNextDueAsync(string accountId, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>Keeps one evaluation of one account for the next evaluation's smoothing and weak streaks. Keyed by the account and
    /// <see cref="EvaluationRecord.At"/> (to the millisecond): saving the same evaluation again replaces it. Only the newest
    /// <see cref="StoreOptions.MaxEvaluationsPerAccount"/> are kept.</summary>
    Task SaveEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> of the account's stored evaluations, newest first.</summary>
    Task<IReadOnlyList<EvaluationRecord>> GetEvaluationHistoryAsync(string accountId, int max, CancellationToken cancellationToken);
}
