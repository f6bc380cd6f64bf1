using System.Text.Json;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// One feed item as a post, whatever the dialect: RSS 0.90–2.0 and RSS 1.0 (RDF) items, Atom 0.3 and 1.0 entries,
/// JSON Feed 1.0/1.1 items. Children are matched by local name in the item's own namespace, so RSS 0.90's and
/// RSS 1.0's namespaces, Atom 0.3's and an Atom feed that forgot its xmlns all read alike. An item with no title,
/// link or id is unreadable: null, and the caller counts it as dropped.
/// </summary>
internal sealed class FeedItems(Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>An RSS item of any version (its children in the item's namespace: none, RSS 0.90's or RSS 1.0's).</summary>
    public Post? FromRss(FeedEntry item)
    {
        var guid = Own(item, "guid");
        var about = item.About;
        var guidIsLink = guid is not null && guid.IsPermaLink != "false"
            && Uri.TryCreate(guid.Value.Trim(), UriKind.Absolute, out _);
        var link = Link(Own(item, "link")?.Value ?? about ?? (guidIsLink ? guid!.Value : null));
        var dateText = (Own(item, "pubDate") ?? Own(item, "pubdate") ?? item.First(DublinCore, "date")
            ?? item.First(DcTerms, "issued") ?? item.First(DcTerms, "created") ?? item.First(DcTerms, "modified")
            ?? item.First(Atom, "published") ?? item.First(Atom, "updated"))?.Value;

        // Some CMS feeds leave the title empty and put everything in the description or content:encoded.
        var title = NonBlank(Own(item, "title")?.Value)
            ?? Excerpt(Own(item, "description")?.Value)
            ?? Excerpt(item.First(Content, "encoded")?.Value);
        var text = item.First(Content, "encoded")?.Value ?? Own(item, "description")?.Value;
        return Build(guid?.Value ?? about, link, title, dateText, text);
    }

    /// <summary>An Atom 1.0 or 0.3 entry (0.3 dates are issued/modified/created).</summary>
    public Post? FromAtom(FeedEntry entry)
    {
        var own = entry.Namespace;
        var alternate = entry.Children(own, "link").FirstOrDefault(l => l.Rel is null or "alternate") ?? entry.First(own, "link");
        var link = Link(alternate?.Href ?? NonBlank(alternate?.Value));
        var dateText = (Own(entry, "published") ?? Own(entry, "issued") ?? Own(entry, "created")
            ?? Own(entry, "updated") ?? Own(entry, "modified") ?? entry.First(DublinCore, "date"))?.Value;
        var title = NonBlank(Own(entry, "title")?.Value)
            ?? Excerpt(Own(entry, "summary")?.Value)
            ?? Excerpt(Own(entry, "content")?.Value);
        return Build(Own(entry, "id")?.Value, link, title, dateText, (Own(entry, "content") ?? Own(entry, "summary"))?.Value);
    }

    public Post? FromJsonFeed(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var title = NonBlank(String(item, "title")) ?? Excerpt(String(item, "summary")) ?? Excerpt(String(item, "content_text")) ?? Excerpt(String(item, "content_html"));
        var dateText = String(item, "date_published") ?? String(item, "date_modified");
        var text = String(item, "content_text") ?? String(item, "content_html") ?? String(item, "summary");
        return Build(String(item, "id"), Link(String(item, "url") ?? String(item, "external_url")), title, dateText, text);
    }

    // The raw text goes on as it came (HTML or not): PostExtractor makes every source kind's text into the excerpt.
    private Post? Build(string? id, string? link, string? rawTitle, string? dateText, string? rawText)
    {
        // Titles arrive as plain text, escaped HTML, or HTML inside CDATA; all read the same.
        var title = PlainText.FromHtml(rawTitle);
        if (title.Length == 0 && link is null && string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var dated = PublishedDateParser.TryRead(dateText, now, zone, null, out var date);
        return new Post(PostIds.Choose(id, link, title, dateText), title, link, dated ? date.At : null, Precision: date.Precision, Text: rawText);
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Excerpt(string? html)
    {
        var text = PlainText.FromHtml(html);
        return text.Length == 0 ? null : text.Length <= 100 ? text : text[..100] + "…";
    }

    private string? Link(string? href) => PostIds.Resolve(pageUrl, href?.Trim())?.AbsoluteUri;

    // A child in the item's own namespace, or in none: RSS 1.0 items and Atom feeds that forgot their xmlns read alike.
    private static FeedEntry.Child? Own(FeedEntry parent, string localName) =>
        parent.First(parent.Namespace, localName) ?? (parent.Namespace.Length == 0 ? null : parent.First(string.Empty, localName));

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
        : item.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;
}
