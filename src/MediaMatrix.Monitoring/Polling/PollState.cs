using MediaMatrix.Monitoring.Fetching;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>
/// What we know about reading one account's source: the operator's collection health, and what
/// the next conditional GET needs. Stored per account, overwritten by every poll.
/// <see cref="BackoffLevel"/> is the step on the failure ladder: a failure climbs one step, a success
/// drops one, so a flapping source is not hammered at the bottom step after each lucky poll.
/// <see cref="ConsecutiveEmptyPolls"/> counts polls whose page loaded but yielded no posts (a layout
/// change, F13); <see cref="ExtractionBroken"/> is set once that count reaches
/// <see cref="PollOptions.EmptyPollsBeforeBroken"/> and cleared by the next poll that yields posts.
/// <see cref="PostsLastWeek"/> (dated, not pinned) drives the optional adaptive interval.
/// <see cref="LastTitlesCut"/>: titles on the last pages read that were longer than
/// <see cref="Extraction.ScrapedText.MaxTitleLength"/> and kept cut. New members go last with a
/// default, so states stored before them still read (a missing member is its default).
/// <see cref="LastDroppedCount"/>: feed items the last read dropped as unreadable while keeping the rest.
/// <see cref="LastArticlesRead"/> and <see cref="LastArticleFailures"/>: new posts' article pages the last poll read,
/// and those that failed to load or had no body (the post stays as the list gave it; never an error of the account).
/// </summary>
public sealed record PollState(
    DateTimeOffset? LastAttemptAt = null,
    DateTimeOffset? LastSuccessAt = null,
    string? LastError = null,
    FetchErrorClass LastErrorClass = FetchErrorClass.None,
    int ConsecutiveFailures = 0,
    int LastItemCount = 0,
    int LastUndatedCount = 0,
    string? ETag = null,
    string? LastModified = null,
    DateTimeOffset? NextDueAt = null,
    int ConsecutiveEmptyPolls = 0,
    bool ExtractionBroken = false,
    int BackoffLevel = 0,
    int? PostsLastWeek = null,
    int LastTitlesCut = 0,
    int LastDroppedCount = 0,
    int LastArticlesRead = 0,
    int LastArticleFailures = 0);
