using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Fetching;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The body of one post's own page, as the profile's <c>article</c> selector finds it: every match's text, in page
/// order, without the script, style and template elements inside it, made into the excerpt <see cref="PostText"/> keeps.
/// </summary>
public static class ArticleText
{
    /// <exception cref="ExtractionException">The page nests hostile-deep or the selector matches nothing.</exception>
    public static string? Read(ReadOnlyMemory<byte> body, string? contentType, string selector, int limit)
    {
        var html = BodyDecoder.Decode(body.Span, contentType);
        if (NestingGuard.IsTooDeep(html.AsSpan()))
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"article page nests elements deeper than {NestingGuard.MaxDepth} levels");
        }

        var document = new HtmlParser().ParseDocument(html);
        var bodies = document.QuerySelectorAll(selector);
        if (bodies.Length == 0)
        {
            throw new ExtractionException(FetchErrorClass.Empty, $"article selector '{selector}' matched nothing on the page");
        }

        foreach (var hidden in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            hidden.Remove();
        }

        return PostText.FromPlain(string.Join(' ', bodies.Select(b => b.TextContent)), limit);
    }
}
