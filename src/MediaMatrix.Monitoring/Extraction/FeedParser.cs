using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Reads RSS 0.90–2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1, detected from the body rather than trusted
/// from the Content-Type (feeds are served as text/html and HTML as application/rss+xml). Items are read wherever
/// they sit (inside or outside &lt;channel&gt;). A well-formed feed takes one forward-only <see cref="XmlReader"/> pass,
/// one item in memory at a time; only when that pass fails does <see cref="FeedRecovery"/> read the feed item by item,
/// as feed readers do. An item that cannot be read is dropped and counted; only a feed with nothing readable is an error.
/// </summary>
public static partial class FeedParser
{
    // DTDs skipped, so no entity expansion bombs (an entity a DTD declares is an error when used);
    // no resolver, so no external entities or file reads; a ceiling on size in case the
    // fetcher's own limit is raised.
    internal static readonly XmlReaderSettings SafeXml = new()
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

    public static IReadOnlyList<Post> Parse(string text, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone) =>
        Read(text, pageUrl, now, zone).Posts;

    /// <summary>The posts and how many items were dropped as unreadable (poll health shows the count).</summary>
    public static FeedRead Read(string text, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone) =>
        Read(text.AsMemory(), pageUrl, now, zone);

    /// <param name="body">The decoded feed; the fast path reads it from memory (a pooled buffer in a poll), the slow ones as a string.</param>
    public static FeedRead Read(ReadOnlyMemory<char> body, Uri pageUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        // A byte order mark the decoder left, or whitespace, before "<?xml" makes the declaration an error.
        var text = body.Span;
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start == text.Length)
        {
            throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got an empty body");
        }

        var items = new FeedItems(pageUrl, now, zone);
        if (text[start] is '{' or '[')
        {
            return ReadJsonFeed(body, items);
        }

        if (HtmlStart().IsMatch(text))
        {
            throw NotAFeed(body.ToString());
        }

        if (text[start] != '<')
        {
            // A PHP warning or a stray line printed before the feed: feed readers skip to the feed.
            return Recover(body.ToString(), items) ?? throw new ExtractionException(FetchErrorClass.Parse,
                $"expected a feed, got text starting \"{Shorten(text.Slice(start, Math.Min(text.Length - start, 60)).ToString().ReplaceLineEndings(" "))}\"");
        }

        try
        {
            return ReadWellFormed(body[start..], items);
        }
        catch (XmlException ex)
        {
            return Recover(body.ToString(), items)
                ?? throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got XML that does not parse: " + ex.Message, ex);
        }
    }

    /// <summary>The fast path: one forward-only pass; each item is loaded alone and let go.</summary>
    private static FeedRead ReadWellFormed(ReadOnlyMemory<char> xml, FeedItems items)
    {
        using var reader = XmlReader.Create(new MemoryTextReader(xml), SafeXml);
        reader.MoveToContent();
        if (reader.LocalName is not ("rss" or "RDF" or "channel" or "feed" or "html"))
        {
            // "<br />\n<b>Warning</b>: …" printed by the CMS before the feed parses as a root of its own.
            return Recover(xml.ToString(), items) ?? throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got XML with root <{Shorten(reader.LocalName)}>");
        }

        var dialect = reader.LocalName == "html" ? throw NotAFeed(xml.ToString()) : DialectOf(reader.LocalName, string.Empty);
        var posts = new List<Post>();
        var dropped = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                FeedEntry.GuardDepth(reader);
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == dialect.ItemName)
            {
                if (dialect.Read(items, FeedEntry.Read(reader)) is { } post)
                {
                    posts.Add(post);
                }
                else
                {
                    dropped++;
                }

                continue;
            }

            reader.Read();
        }

        return FeedRead.Checked(posts, dropped);
    }

    /// <summary>
    /// The slow path, behind the nesting guard: recovery cuts items out by pattern and loads them as trees, so the whole
    /// text is checked first. The fast pass checks depth as it reads (<see cref="FeedEntry.GuardDepth"/>) and needs no scan.
    /// </summary>
    private static FeedRead? Recover(string text, FeedItems items)
    {
        if (NestingGuard.IsTooDeep(text, isXml: true))
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got XML nested deeper than {NestingGuard.MaxDepth} levels");
        }

        return FeedRecovery.Read(text, items);
    }

    internal static FeedDialect DialectOf(string rootLocalName, string text) => rootLocalName switch
    {
        "rss" or "RDF" or "channel" => FeedDialect.Rss,
        "feed" => FeedDialect.Atom,
        "html" => throw NotAFeed(text),
        _ => throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got XML with root <{Shorten(rootLocalName)}>"),
    };

    private static FeedRead ReadJsonFeed(ReadOnlyMemory<char> text, FeedItems items)
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

            if (!root.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new ExtractionException(FetchErrorClass.Parse, "JSON Feed has no items array");
            }

            var posts = new List<Post>();
            var dropped = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (items.FromJsonFeed(item) is { } post)
                {
                    posts.Add(post);
                }
                else
                {
                    dropped++;
                }
            }

            return FeedRead.Checked(posts, dropped);
        }
        catch (JsonException ex)
        {
            throw new ExtractionException(FetchErrorClass.Parse, "expected a feed, got JSON that does not parse: " + ex.Message, ex);
        }
    }

    private static ExtractionException NotAFeed(string html)
    {
        var title = HtmlTitle().Match(html);
        var description = title.Success ? ": " + Shorten(PlainText.FromHtml(title.Groups["title"].Value)) : string.Empty;
        return new ExtractionException(FetchErrorClass.Parse, "expected a feed, got an HTML page" + description);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>What a feed gave: its readable posts and the count of items dropped as unreadable.</summary>
public sealed record FeedRead(IReadOnlyList<Post> Posts, int Dropped)
{
    /// <summary>Items, but none readable: the feed is unreadable, not empty.</summary>
    internal static FeedRead Checked(List<Post> posts, int dropped) =>
        posts.Count == 0 && dropped > 0
            ? throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got one whose {dropped} items are all unreadable")
            : new FeedRead(posts, dropped);
}

/// <summary>RSS (every version) or Atom (0.3 and 1.0): the item element's name and how to read one.</summary>
internal sealed record FeedDialect(string ItemName, Func<FeedItems, FeedEntry, Post?> Read)
{
    public static readonly FeedDialect Rss = new("item", (items, e) => items.FromRss(e));
    public static readonly FeedDialect Atom = new("entry", (items, e) => items.FromAtom(e));
}
