using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>Polls one account: fetch → extract → save → schedule the next poll. Never throws for a bad source.</summary>
public sealed partial class AccountPoller(
    SourceFetcher fetcher,
    IMatrixStore store,
    MatrixConfig matrix,
    PollSchedule schedule,
    TimeProvider time,
    ILogger<AccountPoller> logger)
{
    public async Task<PollReport> PollAsync(Account account, PollState? previous, CancellationToken cancellationToken)
    {
        previous ??= new PollState();
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var fetch = await fetcher.FetchAsync(account.Source.Url, previous.ETag, previous.LastModified, cancellationToken).ConfigureAwait(false);

        var (posts, state) = fetch.Outcome switch
        {
            FetchOutcome.NotModified => ([], Succeeded(account, previous, now, fetch, previous.LastItemCount, previous.LastUndatedCount)),
            FetchOutcome.Fetched => Extract(account, previous, now, fetch),
            _ => ([], Failed(account, previous, now, fetch.ErrorClass, fetch.Error ?? "unknown error", fetch.RetryAfter)),
        };

        var newPosts = await store.RecordPollAsync(new PollRecord(account.Id, posts, state), cancellationToken).ConfigureAwait(false);
        var report = new PollReport(account.Id, state.ConsecutiveFailures > 0 ? FetchOutcome.Failed : fetch.Outcome,
            posts.Count, newPosts, state, time.GetElapsedTime(started));
        if (state.ConsecutiveFailures > 0)
        {
            LogPollFailed(logger, account.Id, account.Platform, account.Source.Url, state.LastErrorClass, state.LastError, state.ConsecutiveFailures);
        }
        else
        {
            LogPolled(logger, account.Id, account.Platform, fetch.Outcome, posts.Count, newPosts);
        }

        Diagnostics.MatrixMetrics.RecordPoll(account, report, fetch);
        return report;
    }

    private (IReadOnlyList<Post> Posts, PollState State) Extract(Account account, PollState previous, DateTimeOffset now, FetchResult fetch)
    {
        var profile = account.Source.Profile is { } name ? matrix.Profiles[name] : null;
        try
        {
            var result = PostExtractor.Extract(new ExtractionRequest(account.Source.Kind, profile, fetch.Body, fetch.ContentType,
                account.Source.Url, now, matrix.Matrix.TimeZone));
            if (result.Posts.Count > 0 && result.UndatedCount == result.Posts.Count)
            {
                // Every item undated is an extraction problem, not a quiet account (issue 3, reliability "Truth").
                return (result.Posts, Failed(account, previous, now, FetchErrorClass.Parse,
                    $"none of the {result.Posts.Count} items has a readable date", null));
            }

            return (result.Posts, Succeeded(account, previous, now, fetch, result.Posts.Count, result.UndatedCount));
        }
        catch (ExtractionException ex)
        {
            return ([], Failed(account, previous, now, ex.ErrorClass, ex.Message, null));
        }
    }

    private PollState Succeeded(Account account, PollState previous, DateTimeOffset now, FetchResult fetch, int items, int undated) =>
        previous with
        {
            LastAttemptAt = now,
            LastSuccessAt = now,
            LastError = null,
            LastErrorClass = FetchErrorClass.None,
            ConsecutiveFailures = 0,
            LastItemCount = items,
            LastUndatedCount = undated,
            ETag = fetch.ETag ?? previous.ETag,
            LastModified = fetch.LastModified ?? previous.LastModified,
            NextDueAt = schedule.AfterSuccess(account, now, Random.Shared.NextDouble()),
        };

    private PollState Failed(Account account, PollState previous, DateTimeOffset now, FetchErrorClass errorClass, string error, TimeSpan? retryAfter)
    {
        var failures = previous.ConsecutiveFailures + 1;
        return previous with
        {
            LastAttemptAt = now,
            LastError = error,
            LastErrorClass = errorClass,
            ConsecutiveFailures = failures,
            // A failed parse must not be answered with a 304 next time: forget the validators.
            ETag = errorClass is FetchErrorClass.Parse or FetchErrorClass.Empty ? null : previous.ETag,
            LastModified = errorClass is FetchErrorClass.Parse or FetchErrorClass.Empty ? null : previous.LastModified,
            NextDueAt = schedule.AfterFailure(account, failures, retryAfter, now, Random.Shared.NextDouble()),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {AccountId} ({Platform}): {Outcome}, {Items} items, {NewPosts} new")]
    private static partial void LogPolled(ILogger logger, string accountId, Platform platform, FetchOutcome outcome, int items, int newPosts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {AccountId} ({Platform}) at {SourceUrl} failed: {Outcome} {Error} ({Failures} in a row)")]
    private static partial void LogPollFailed(ILogger logger, string accountId, Platform platform, Uri sourceUrl, FetchErrorClass outcome, string? error, int failures);
}
