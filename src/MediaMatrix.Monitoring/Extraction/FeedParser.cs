using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, detected from the body rather than trusted
/// from the Content-Type (feeds are served as text/html and HTML as application/rss+xml).
/// </summary>
public static partial class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    // DTDs skipped, so no entity expansion bombs (an entity a DTD declares is an error when used);
    // no resolver, so no external entities or file reads; a ceiling on size in case the
    // fetcher's own limit is raised.
    private static readonly XmlReaderSettings SafeXml = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = 50_000_000,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    [GeneratedRegex(@"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"<title[^>]*>(?<title>.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex(@"&(?<name>[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex NamedEntity();

    public static IReadOnlyList<Post> Parse(string text, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        var body = text.AsSpan().TrimStart();
        if (body.IsEmpty)
        {
            throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got an empty body");
        }
        if (body[0] is '{' or '[')
        {
            return ParseJsonFeed(text, pageUrl, now, zone);
        }
        if (HtmlStart().IsMatch(text))
        {
            throw NotAFeed(text);
        }
        if (body[0] != '<')
        {
            var start = body[..Math.Min(body.Length, 60)].ToString().ReplaceLineEndings(" ");
            throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got text starting \"{start}\"");
        }
        return ParseXml(text, pageUrl, now, zone);
    }

    private static ExtractionException NotAFeed(string html)
    {
        var title = HtmlTitle().Match(html);
        var description = title.Success ? ": " + Shorten(PlainText.FromHtml(title.Groups["title"].Value)) : string.Empty;
        return new ExtractionException(FetchErrorClass.Parse, "expected a feed, got an HTML page" + description);
    }

    private static List<Post> ParseXml(string text, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (NestingGuard.IsTooDeep(text, isXml: true))
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got XML nested deeper than {NestingGuard.MaxDepth} levels");
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(WithNumericHtmlEntities(text)), SafeXml);
            root = XElement.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got XML that does not parse: " + ex.Message, ex);
        }

        var context = new FeedContext(pageUrl, now, zone);
        return root.Name switch
        {
            { LocalName: "rss" } => root.Elements("channel").Elements("item").Select(context.FromRss2).ToList(),
            { LocalName: "RDF" } => root.Elements(Rss1 + "item").Select(context.FromRss1).ToList(),
            { LocalName: "feed" } when root.Name.Namespace == Atom => root.Elements(Atom + "entry").Select(context.FromAtom).ToList(),
            { LocalName: "html" } => throw NotAFeed(text),
            _ => throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got XML with root <{Shorten(root.Name.LocalName)}>"),
        };
    }

    // Hand-written feeds use HTML entities (&nbsp;, &mdash;) that XML does not define, and with
    // DTDs off every one would fail the whole feed. Known HTML names become numeric references;
    // anything else (a DTD's own entities included) is left to fail.
    private static string WithNumericHtmlEntities(string xml)
    {
        if (!xml.Contains('&', StringComparison.Ordinal))
        {
            return xml;
        }
        return NamedEntity().Replace(xml, m =>
        {
            if (m.Groups["name"].Value is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }
            var decoded = System.Net.WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? m.Value : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
        });
    }

    private static List<Post> ParseJsonFeed(string text, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.String
                || version.GetString()?.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal) != true)
            {
                throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got JSON that is not a JSON Feed");
            }
            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new ExtractionException(FetchErrorClass.Parse, "JSON Feed has no items array");
            }
            var context = new FeedContext(pageUrl, now, zone);
            return items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(context.FromJsonFeed).ToList();
        }
        catch (JsonException ex)
        {
            throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got JSON that does not parse: " + ex.Message, ex);
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed class FeedContext(Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        public Post FromRss2(XElement item)
        {
            var link = Link(Child(item, "link"));
            var guid = Child(item, "guid");
            var dateText = Child(item, "pubDate") ?? item.Element(DublinCore + "date")?.Value;
            // Some CMS feeds leave the title empty and put everything in the description.
            var title = Child(item, "title") is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t : Excerpt(Child(item, "description"));
            return Build(guid, link, title, dateText);
        }

        public Post FromRss1(XElement item)
        {
            var link = Link(item.Element(Rss1 + "link")?.Value ?? item.Attribute(Rdf + "about")?.Value);
            var id = item.Attribute(Rdf + "about")?.Value;
            return Build(id, link, item.Element(Rss1 + "title")?.Value, item.Element(DublinCore + "date")?.Value);
        }

        public Post FromAtom(XElement entry)
        {
            var links = entry.Elements(Atom + "link").ToList();
            var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
            var link = Link((string?)alternate?.Attribute("href"));
            var dateText = entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value;
            return Build(entry.Element(Atom + "id")?.Value, link, entry.Element(Atom + "title")?.Value, dateText);
        }

        public Post FromJsonFeed(JsonElement item)
        {
            var title = String(item, "title") ?? String(item, "summary") ?? String(item, "content_text");
            var dateText = String(item, "date_published") ?? String(item, "date_modified");
            return Build(String(item, "id"), Link(String(item, "url")), title, dateText);
        }

        private Post Build(string? id, string? link, string? rawTitle, string? dateText)
        {
            // Titles arrive as plain text, escaped HTML, or HTML inside CDATA; all read the same.
            var title = PlainText.FromHtml(rawTitle);
            DateTimeOffset? published = PublishedDateParser.TryParse(dateText, now, zone, null, out var date) ? date : null;
            return new Post(PostIds.Choose(id, link, title, dateText), title, link, published);
        }

        private static string? Excerpt(string? html)
        {
            var text = PlainText.FromHtml(html);
            return text.Length <= 100 ? text : text[..100] + "…";
        }

        private string? Link(string? href) => PostIds.Resolve(pageUrl, href)?.AbsoluteUri;

        private static string? Child(XElement parent, string localName) =>
            parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && e.Name.Namespace == XNamespace.None)?.Value;

        private static string? String(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
            : item.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText()
            : null;
    }
}
