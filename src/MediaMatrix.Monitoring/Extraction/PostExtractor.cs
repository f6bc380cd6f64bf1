using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The extract step of a poll: decode the body, read it as a feed, an HTML list or JSON, make the
/// titles fit to show (<see cref="ScrapedText"/>), and count the posts without a readable date and
/// the titles cut. Malformed input only ever surfaces as an
/// <see cref="ExtractionException"/>, so one hostile page cannot break the batch.
/// </summary>
public static class PostExtractor
{
    public static ExtractionResult Extract(ExtractionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Decoded into a pooled buffer (no large-object-heap string per poll); everything below reads it before it goes back.
        using var decoded = BodyDecoder.DecodePooled(request.Body.Span, request.ContentType);
        var text = decoded.Memory;
        var dropped = 0;
        try
        {
            // The operator's own marker for the site's block page wins over whatever the page parses to.
            if (request.Profile?.BlockedMarker is { Length: > 0 } blocked && text.Span.Contains(blocked, StringComparison.Ordinal))
            {
                throw new ExtractionException(FetchErrorClass.Blocked, $"the page shows the profile's blocked marker '{blocked}' (anti-bot or login page)");
            }

            var (posts, next) = request.Kind switch
            {
                SourceKind.Feed => (FromFeed(text, request, out dropped), null),
                SourceKind.Html when request.Profile?.ScriptVariable is { Length: > 0 } variable => FromScript(decoded.ToString(), variable, request),
                SourceKind.Html => HtmlExtractor.ExtractPage(text, RequireProfile(request), request.PageUrl, request.Now, request.Zone),
                SourceKind.Json => JsonExtractor.ExtractPage(decoded.ToString(), RequireProfile(request), request.PageUrl, request.Now, request.Zone),
                _ => throw new ExtractionException(FetchErrorClass.Other, $"unknown source kind {request.Kind}"),
            };
            var (shown, cut) = ShowableTitles(posts, request.TextLength);
            return new ExtractionResult(shown, shown.Count(p => p.PublishedAt is null), next, TitlesCut: cut) { DroppedCount = dropped };
        }
        catch (ExtractionException ex) when (ex.ErrorClass is FetchErrorClass.Empty or FetchErrorClass.Parse)
        {
            return ExplainNothing(request, text.Span, ex);
        }
        catch (ExtractionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failure = new ExtractionException(FetchErrorClass.Parse, $"could not read the {request.Kind.ToString().ToLowerInvariant()} body: {ex.Message}", ex);
            return ExplainNothing(request, text.Span, failure);
        }
    }

    // Here, where the feed, HTML and JSON paths meet, so no source kind can skip it: titles fit to show, texts bounded.
    private static (IReadOnlyList<Post> Posts, int Cut) ShowableTitles(IReadOnlyList<Post> posts, int textLength)
    {
        var shown = new List<Post>(posts.Count);
        var cut = 0;
        foreach (var post in posts)
        {
            var title = ScrapedText.Title(post.Title, out var wasCut);
            cut += wasCut ? 1 : 0;
            var text = PostText.Excerpt(post.Text, textLength);
            shown.Add(string.Equals(title, post.Title, StringComparison.Ordinal) && string.Equals(text, post.Text, StringComparison.Ordinal)
                ? post
                : post with { Title = title, Text = text });
        }

        return (shown, cut);
    }

    /// <summary>
    /// A page that yielded nothing is one of three things: legitimately empty (the profile's
    /// marker, e.g. 暂无内容), an anti-bot page (blocked, not a layout change), or a layout change.
    /// </summary>
    private static ExtractionResult ExplainNothing(ExtractionRequest request, ReadOnlySpan<char> text, ExtractionException failure)
    {
        if (failure.ErrorClass == FetchErrorClass.Empty
            && request.Profile?.EmptyMarker is { Length: > 0 } empty && text.Contains(empty, StringComparison.Ordinal))
        {
            return new ExtractionResult([], 0, EmptyByMarker: true);
        }

        if (BlockedPage.MarkerIn(text) is { } marker)
        {
            throw new ExtractionException(FetchErrorClass.Blocked, $"the page looks like an anti-bot or captcha page ('{marker}'): {failure.Message}", failure);
        }

        throw failure;
    }

    private static IReadOnlyList<Post> FromFeed(ReadOnlyMemory<char> text, ExtractionRequest request, out int dropped)
    {
        var read = FeedParser.Read(text, request.PageUrl, request.Now, request.Zone);
        dropped = read.Dropped;
        return read.Posts;
    }

    private static (IReadOnlyList<Post>, Uri?) FromScript(string html, string variable, ExtractionRequest request)
    {
        using var document = ScriptJson.Find(html, variable);
        return JsonExtractor.ExtractPage(document.RootElement, RequireProfile(request), request.PageUrl, request.Now, request.Zone);
    }

    private static Profile RequireProfile(ExtractionRequest request) =>
        request.Profile ?? throw new ExtractionException(FetchErrorClass.Other, $"a {request.Kind.ToString().ToLowerInvariant()} source needs a profile");
}
