using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The extract step of a poll: decode the body, read it as a feed, an HTML list or JSON, and
/// count the posts without a readable date. Malformed input only ever surfaces as an
/// <see cref="ExtractionException"/>, so one hostile page cannot break the batch.
/// </summary>
public static class PostExtractor
{
    public static ExtractionResult Extract(ExtractionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var text = BodyDecoder.Decode(request.Body.Span, request.ContentType);
            var posts = request.Kind switch
            {
                SourceKind.Feed => FeedParser.Parse(text, request.PageUrl, request.Now, request.Zone),
                SourceKind.Html when request.Profile?.ScriptVariable is { Length: > 0 } variable => FromScript(text, variable, request),
                SourceKind.Html => HtmlExtractor.Extract(text, RequireProfile(request), request.PageUrl, request.Now, request.Zone),
                SourceKind.Json => JsonExtractor.Extract(text, RequireProfile(request), request.PageUrl, request.Now, request.Zone),
                _ => throw new ExtractionException(FetchErrorClass.Other, $"unknown source kind {request.Kind}"),
            };
            return new ExtractionResult(posts, posts.Count(p => p.PublishedAt is null));
        }
        catch (ExtractionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"could not read the {request.Kind.ToString().ToLowerInvariant()} body: {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<Post> FromScript(string html, string variable, ExtractionRequest request)
    {
        using var document = ScriptJson.Find(html, variable);
        return JsonExtractor.Extract(document.RootElement, RequireProfile(request), request.PageUrl, request.Now, request.Zone);
    }

    private static Profile RequireProfile(ExtractionRequest request) =>
        request.Profile ?? throw new ExtractionException(FetchErrorClass.Other, $"a {request.Kind.ToString().ToLowerInvariant()} source needs a profile");
}
