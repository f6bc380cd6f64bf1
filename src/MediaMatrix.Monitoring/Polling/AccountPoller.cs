using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.Logging;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>Polls one account: fetch → extract → save → schedule the next poll. Never throws for a bad source.</summary>
public sealed partial class AccountPoller(
    SourceFetcher fetcher,
    IPostStore store,
    MatrixConfig matrix,
    PollSchedule schedule,
    PollOptions options,
    TimeProvider time,
    ILogger<AccountPoller> logger)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public async Task<PollReport> PollAsync(Account account, PollState? previous, CancellationToken cancellationToken)
    {
        previous ??= new PollState();
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var headers = account.Source.Headers;
        var fetch = await fetcher.FetchAsync(account.Source.Url, previous.ETag, previous.LastModified, headers, cancellationToken).ConfigureAwait(false);

        var (posts, state) = fetch.Outcome switch
        {
            FetchOutcome.NotModified => ([], Succeeded(account, previous, now, fetch, previous.LastItemCount, previous.LastUndatedCount, previous.LastTitlesCut, previous.PostsLastWeek)),
            FetchOutcome.Fetched => await ExtractAsync(account, previous, now, fetch, cancellationToken).ConfigureAwait(false),
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

    private async Task<(IReadOnlyList<Post> Posts, PollState State)> ExtractAsync(
        Account account, PollState previous, DateTimeOffset now, FetchResult fetch, CancellationToken ct)
    {
        var profile = account.Source.Profile is { } name ? matrix.Profiles[name] : null;
        try
        {
            var result = ExtractPage(account, profile, fetch, account.Source.Url, now);
            // Backfill: an account never read before follows "next page" links up to the profile's
            // MaxPages; afterwards the first page is enough, since it holds the newest posts.
            if (previous.LastSuccessAt is null && profile is { MaxPages: > 1 })
            {
                result = await FollowPagesAsync(account, profile, result, now, ct).ConfigureAwait(false);
            }

            var posts = result.Posts;
            var articles = new ArticleTally(0, 0);
            if (profile is { Article: { Length: > 0 } } && posts.Count > 0)
            {
                (posts, articles) = await ReadArticlesAsync(account, profile, posts, backfill: previous.LastSuccessAt is null, ct).ConfigureAwait(false);
            }

            if (posts.Count > 0 && result.UndatedCount == posts.Count)
            {
                // Every item undated is an extraction problem, not a quiet account (issue 3, reliability "Truth").
                return (posts, Failed(account, previous, now, FetchErrorClass.Parse,
                    $"none of the {posts.Count} items has a readable date", null, yieldedNothing: true));
            }

            return (posts, Succeeded(account, previous, now, fetch, posts.Count, result.UndatedCount, result.TitlesCut, PostsInLastWeek(posts, now)) with
            {
                LastDroppedCount = result.DroppedCount,
                LastArticlesRead = articles.Read,
                LastArticleFailures = articles.Failed,
            });
        }
        catch (ExtractionException ex)
        {
            return ([], Failed(account, previous, now, ex.ErrorClass, ex.Message, null,
                yieldedNothing: ex.ErrorClass is FetchErrorClass.Empty or FetchErrorClass.Parse));
        }
    }

    /// <summary>
    /// Posts already stored keep the text read when they were new (the list page has none); posts not stored before get
    /// their article page read, at most the profile's limit per poll and never on a backfill (a never-read account's
    /// history would be hundreds of page loads at once). A page that fails leaves its post as the list gave it.
    /// </summary>
    private async Task<(IReadOnlyList<Post>, ArticleTally)> ReadArticlesAsync(Account account, Profile profile, IReadOnlyList<Post> posts, bool backfill, CancellationToken ct)
    {
        if (backfill)
        {
            return (posts, new ArticleTally(0, 0));
        }

        var known = await store.GetPostsByIdAsync(account.Id, [.. posts.Select(p => p.Id)], ct).ConfigureAwait(false);
        var withText = new List<Post>(posts.Count);
        var (read, failed) = (0, 0);
        foreach (var post in posts)
        {
            if (known.TryGetValue(post.Id, out var stored))
            {
                withText.Add(post.Text is null && stored.Text is not null ? post with { Text = stored.Text } : post);
                continue;
            }

            if (read + failed >= profile.ArticleLimit || post.Link is null || !Uri.TryCreate(post.Link, UriKind.Absolute, out var link))
            {
                withText.Add(post);
                continue;
            }

            var text = await ReadArticleAsync(account, profile, link, ct).ConfigureAwait(false);
            (read, failed) = text is null ? (read, failed + 1) : (read + 1, failed);
            withText.Add(text is null ? post : post with { Text = text });
        }

        return (withText, new ArticleTally(read, failed));
    }

    private async Task<string?> ReadArticleAsync(Account account, Profile profile, Uri link, CancellationToken ct)
    {
        var fetch = await fetcher.FetchAsync(link, null, null, account.Source.Headers, ct).ConfigureAwait(false);
        if (fetch.Outcome != FetchOutcome.Fetched)
        {
            LogArticleFailed(logger, account.Id, link, fetch.Error ?? fetch.Outcome.ToString());
            return null;
        }

        try
        {
            return ArticleText.Read(fetch.Body, fetch.ContentType, profile.Article!, options.TextLength);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A broken or changed article page is a collection problem of that post, never the account's error.
            LogArticleFailed(logger, account.Id, link, ex.Message);
            return null;
        }
    }

    private ExtractionResult ExtractPage(Account account, Profile? profile, FetchResult fetch, Uri pageUrl, DateTimeOffset now) =>
        PostExtractor.Extract(new ExtractionRequest(account.Source.Kind, profile, fetch.Body, fetch.ContentType,
            pageUrl, now, matrix.Matrix.TimeZone)
        { TextLength = options.TextLength });

    private async Task<ExtractionResult> FollowPagesAsync(Account account, Profile profile, ExtractionResult first, DateTimeOffset now, CancellationToken ct)
    {
        var posts = new List<Post>(first.Posts);
        var undated = first.UndatedCount;
        var cut = first.TitlesCut;
        var dropped = first.DroppedCount;
        var seen = new HashSet<Uri> { account.Source.Url };
        var next = first.NextPage;
        for (var page = 2; page <= profile.MaxPages && next is not null && seen.Add(next); page++)
        {
            var fetch = await fetcher.FetchAsync(next, null, null, account.Source.Headers, ct).ConfigureAwait(false);
            if (fetch.Outcome != FetchOutcome.Fetched)
            {
                break;
            }

            try
            {
                var result = ExtractPage(account, profile, fetch, next, now);
                posts.AddRange(result.Posts);
                undated += result.UndatedCount;
                cut += result.TitlesCut;
                dropped += result.DroppedCount;
                next = result.NextPage;
            }
            catch (ExtractionException)
            {
                // A broken older page does not spoil the first page's posts.
                break;
            }
        }

        return new ExtractionResult(posts.DistinctBy(p => p.Id).ToList(), undated, TitlesCut: cut) { DroppedCount = dropped };
    }

    private static int PostsInLastWeek(IReadOnlyList<Post> posts, DateTimeOffset now) =>
        posts.Count(p => !p.Pinned && p.PublishedAt is { } at && at > now - Week && at <= now);

    private PollState Succeeded(Account account, PollState previous, DateTimeOffset now, FetchResult fetch, int items, int undated, int titlesCut, int? postsLastWeek) =>
        previous with
        {
            LastAttemptAt = now,
            LastSuccessAt = now,
            LastError = null,
            LastErrorClass = FetchErrorClass.None,
            ConsecutiveFailures = 0,
            LastItemCount = items,
            LastUndatedCount = undated,
            LastTitlesCut = titlesCut,
            ETag = fetch.ETag ?? previous.ETag,
            LastModified = fetch.LastModified ?? previous.LastModified,
            ConsecutiveEmptyPolls = 0,
            ExtractionBroken = false,
            BackoffLevel = PollSchedule.LevelAfterSuccess(previous.BackoffLevel),
            PostsLastWeek = postsLastWeek,
            NextDueAt = schedule.AfterSuccess(account, now, Random.Shared.NextDouble(), postsLastWeek),
        };

    /// <param name="yieldedNothing">The page loaded but gave no usable posts: a layout change until shown otherwise (F13).</param>
    private PollState Failed(Account account, PollState previous, DateTimeOffset now, FetchErrorClass errorClass, string error, TimeSpan? retryAfter,
        bool yieldedNothing = false)
    {
        var level = schedule.LevelAfterFailure(previous.BackoffLevel);
        // Only a page that loads counts towards "extraction broken": a site that is down says nothing about its markup.
        var empties = yieldedNothing ? previous.ConsecutiveEmptyPolls + 1 : previous.ConsecutiveEmptyPolls;
        return previous with
        {
            LastAttemptAt = now,
            LastError = error,
            LastErrorClass = errorClass,
            ConsecutiveFailures = previous.ConsecutiveFailures + 1,
            LastItemCount = yieldedNothing ? 0 : previous.LastItemCount,
            // A failed parse must not be answered with a 304 next time: forget the validators.
            ETag = yieldedNothing ? null : previous.ETag,
            LastModified = yieldedNothing ? null : previous.LastModified,
            ConsecutiveEmptyPolls = empties,
            ExtractionBroken = previous.ExtractionBroken || empties >= options.EmptyPollsBeforeBroken,
            BackoffLevel = level,
            NextDueAt = schedule.AfterFailure(account, level, retryAfter, now, Random.Shared.NextDouble()),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article page {Link} of {AccountId} not read: {Error}")]
    private static partial void LogArticleFailed(ILogger logger, string accountId, Uri link, string error);

    private readonly record struct ArticleTally(int Read, int Failed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {AccountId} ({Platform}): {Outcome}, {Items} items, {NewPosts} new")]
    private static partial void LogPolled(ILogger logger, string accountId, Platform platform, FetchOutcome outcome, int items, int newPosts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {AccountId} ({Platform}) at {SourceUrl} failed: {Outcome} {Error} ({Failures} in a row)")]
    private static partial void LogPollFailed(ILogger logger, string accountId, Platform platform, Uri sourceUrl, FetchErrorClass outcome, string? error, int failures);
}
