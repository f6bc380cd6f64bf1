using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>The outcome of one poll of one account, written in one call so the store can apply it atomically.</summary>
public sealed record PollRecord(string AccountId, IReadOnlyList<Post> Posts, PollState State);

/// <summary>
/// The publication instants of an account's dated posts, as numbers only (no titles, no links): what a rule that only
/// counts or spaces posts needs. <see cref="UtcTicks"/>: every dated post's instant in UTC ticks, whole milliseconds
/// (the store keeps no finer time), ascending, duplicates kept. <see cref="DayStarts"/>: the instants, ascending, of
/// the date-only posts among them (<see cref="DatePrecision.Day"/>: the local midnight their date starts at), or null
/// when there are none.
/// </summary>
public sealed record StoredTimes(long[] UtcTicks, long[]? DayStarts);

/// <summary>
/// Posts and poll state: what polling writes and the rules read, and the due index that says which account to poll
/// next. Redis in production, in process for a single machine; both pass one contract test suite. Every write is
/// idempotent: applying the same <see cref="PollRecord"/> twice leaves the same data behind.
/// </summary>
public interface IPostStore
{
    /// <summary>Saves the poll's posts (deduplicated by id per account; a re-seen post is updated in place),
    /// replaces the account's poll state and moves it in the due index to <see cref="PollState.NextDueAt"/>.
    /// Returns how many of the posts were not stored before.</summary>
    Task<int> RecordPollAsync(PollRecord record, CancellationToken cancellationToken);

    /// <summary>The account's posts published at or after <paramref name="since"/>, newest first. Undated posts are not returned.</summary>
    Task<IReadOnlyList<Post>> GetPostsAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The stored posts among <paramref name="postIds"/> (dated or not), by id: what a poll needs to tell new posts
    /// from known ones before it fetches their article pages, and to keep the text it read then.</summary>
    Task<IReadOnlyDictionary<string, Post>> GetPostsByIdAsync(string accountId, IReadOnlyList<string> postIds, CancellationToken cancellationToken);

    /// <summary>The publication instants of the posts <see cref="GetPostsAsync"/> returns for the same
    /// <paramref name="since"/>, without reading any post itself. Each is to the millisecond (all the store keeps of
    /// the time), and `since` is compared with that millisecond: a post stamped finer than the millisecond (no parser
    /// makes one) reads as the millisecond it falls in.</summary>
    Task<StoredTimes> GetPublicationTimesAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The poll state of each requested account that has one.</summary>
    Task<IReadOnlyDictionary<string, PollState>> GetPollStatesAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken);

    /// <summary>Puts accounts into the due index at the given times unless they are there already (start-up, config reload).</summary>
    Task EnsureScheduledAsync(IReadOnlyDictionary<string, DateTimeOffset> firstDue, CancellationToken cancellationToken);

    /// <summary>Moves an account in the due index without a poll (a claim by a dispatcher, or "poll now").</summary>
    Task SetNextDueAsync(string accountId, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> accounts due at or before <paramref name="now"/> (most overdue first) and, in the
    /// same atomic step, moves each to <paramref name="now"/> + <paramref name="lease"/> in the due index, so no other
    /// dispatcher, on this replica or another, can take it before the lease runs out or the poll records its real next time.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);
}
