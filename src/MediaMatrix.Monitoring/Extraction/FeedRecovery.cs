using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The slow path, taken only when a feed is not well-formed: read it item by item, as feed readers do. Junk before the
/// feed is skipped; each &lt;item&gt; or &lt;entry&gt; is cut out on its own, repaired (a bare &amp;, an HTML named entity
/// such as &amp;nbsp;, a stray &lt;, a control character), wrapped in a root that declares the feed's namespaces, and
/// parsed with the same safe settings (no DTD, no resolver). If it still fails, its text fields are read as raw
/// text (HTML written into &lt;description&gt; without CDATA). An item that still cannot be read, or that the document
/// breaks off in, is dropped and counted; the items around it are kept. The nesting guard has run on the whole text.
/// </summary>
internal static partial class FeedRecovery
{
    private const int MaxNameLength = 32;

    private static readonly (string Prefix, string Uri)[] CommonNamespaces =
    [
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("content", "http://purl.org/rss/1.0/modules/content/"),
        ("atom", "http://www.w3.org/2005/Atom"),
        ("a10", "http://www.w3.org/2005/Atom"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("media", "http://search.yahoo.com/mrss/"),
    ];

    [GeneratedRegex(@"<(?<name>(?:[A-Za-z_][\w.-]*:)?(?<local>rss|RDF|feed))(?<attrs>(?:\s[^<>]*)?)>")]
    private static partial Regex Root();

    [GeneratedRegex(@"\sxmlns(?::(?<prefix>[A-Za-z_][\w.-]*))?\s*=\s*(?:""(?<uri>[^""<>]*)""|'(?<uri>[^'<>]*)')")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"<(?<tag>(?:[A-Za-z_][\w.-]*:)?(?<local>item|entry))(?=[\s/>])")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"</?(?<prefix>[A-Za-z_][\w.-]*):[A-Za-z_]")]
    private static partial Regex PrefixUse();

    [GeneratedRegex(@"(?<open><(?<tag>title|description|summary|content|content:encoded)(?:\s[^<>]*)?>)(?<body>.*?)(?<close></\k<tag>\s*>)", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TextField();

    /// <summary>Null when the text holds no feed root and no item at all (not a feed), or declares entities in a DTD.</summary>
    public static FeedRead? Read(string text, FeedItems items)
    {
        // A feed that declares its own entities is an entity bomb or an external-entity probe, not a careless CMS:
        // DTDs are never processed, and such a feed stays refused rather than read around.
        if (text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = Root().Match(text);
        var dialect = root.Success ? FeedParser.DialectOf(root.Groups["local"].Value, text) : null;
        var declared = Declarations(root.Success ? root.Groups["attrs"].Value : string.Empty);
        var posts = new List<Post>();
        var dropped = 0;
        var position = root.Success ? root.Index + root.Length : 0;
        while (position < text.Length && ItemStart().Match(text, position) is { Success: true } start)
        {
            var local = start.Groups["local"].Value;
            dialect ??= local == "item" ? FeedDialect.Rss : FeedDialect.Atom;
            if (local != dialect.ItemName)
            {
                position = start.Index + start.Length;
                continue;
            }

            var tag = start.Groups["tag"].Value;
            var afterStart = start.Index + start.Length;
            var next = NextStart(text, tag, afterStart);

            // The end tag is looked for only up to the next item's start, so a hostile run of unclosed items stays linear.
            var close = CloseOf(text, tag, afterStart, next >= 0 ? next : text.Length, out var closeLength);
            if (close < 0)
            {
                // The document breaks off inside this item, or the next item starts before it ends.
                dropped++;
                position = next >= 0 ? next : text.Length;
                continue;
            }

            var chunk = text[start.Index..(close + closeLength)];
            if (ReadItem(chunk, declared, dialect, items) is { } post)
            {
                posts.Add(post);
            }
            else
            {
                dropped++;
            }

            position = close + closeLength;
        }

        return !root.Success && posts.Count == 0 && dropped == 0 ? null : FeedRead.Checked(posts, dropped);
    }

    private static Post? ReadItem(string chunk, Dictionary<string, string> declared, FeedDialect dialect, FeedItems items)
    {
        var repaired = Repair(chunk);
        if (TryParse(repaired, declared, dialect, items) is { } post)
        {
            return post;
        }

        try
        {
            return TryParse(TextField().Replace(repaired, AsRawText), declared, dialect, items);
        }
        catch (RegexMatchTimeoutException)
        {
            // A hostile item (thousands of unclosed <title>s): dropped, not read in quadratic time.
            return null;
        }
    }

    private static Post? TryParse(string chunk, Dictionary<string, string> declared, FeedDialect dialect, FeedItems items)
    {
        var wrapped = new StringBuilder(chunk.Length + 256).Append("<mediamatrix-feed");
        foreach (var (prefix, uri) in declared)
        {
            wrapped.Append(prefix.Length == 0 ? " xmlns" : " xmlns:" + prefix).Append("=\"").Append(uri).Append('"');
        }

        // A prefix the item uses but nobody declared (a CMS's own module) would fail the item; give it a name.
        foreach (var prefix in PrefixUse().Matches(chunk).Select(m => m.Groups["prefix"].Value).Distinct(StringComparer.Ordinal))
        {
            if (prefix != "xml" && prefix != "xmlns" && !declared.ContainsKey(prefix) && !chunk.Contains("xmlns:" + prefix, StringComparison.Ordinal))
            {
                wrapped.Append(" xmlns:").Append(prefix).Append("=\"urn:mediamatrix:undeclared:").Append(prefix).Append('"');
            }
        }

        wrapped.Append('>').Append(chunk).Append("</mediamatrix-feed>");
        try
        {
            using var reader = XmlReader.Create(new StringReader(wrapped.ToString()), FeedParser.SafeXml);
            reader.MoveToContent();
            reader.Read();
            reader.MoveToContent();
            return reader.NodeType == XmlNodeType.Element ? dialect.Read(items, FeedEntry.Read(reader)) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Declarations(string rootAttributes)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in NamespaceDeclaration().Matches(rootAttributes))
        {
            declared.TryAdd(m.Groups["prefix"].Value, WebUtility.HtmlEncode(WebUtility.HtmlDecode(m.Groups["uri"].Value)));
        }

        foreach (var (prefix, uri) in CommonNamespaces)
        {
            declared.TryAdd(prefix, uri);
        }

        return declared;
    }

    private static int NextStart(string text, string tag, int from)
    {
        for (var i = text.IndexOf("<" + tag, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf("<" + tag, i + 1, StringComparison.Ordinal))
        {
            var after = i + 1 + tag.Length;
            if (after < text.Length && text[after] is ' ' or '\t' or '\r' or '\n' or '>' or '/')
            {
                return i;
            }
        }

        return -1;
    }

    // The item's end tag, skipping CDATA sections (an excerpt may quote "</item>").
    private static int CloseOf(string text, string tag, int from, int limit, out int length)
    {
        var closing = "</" + tag;
        length = 0;
        var i = from;
        while (true)
        {
            var close = i >= limit ? -1 : text.IndexOf(closing, i, limit - i, StringComparison.Ordinal);
            var cdata = i >= limit ? -1 : text.IndexOf("<![CDATA[", i, limit - i, StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            if (cdata >= 0 && cdata < close)
            {
                var end = text.IndexOf("]]>", cdata + 9, limit - cdata - 9, StringComparison.Ordinal);
                if (end < 0)
                {
                    return -1;
                }

                i = end + 3;
                continue;
            }

            var gt = close + closing.Length;
            while (gt < text.Length && char.IsWhiteSpace(text[gt]))
            {
                gt++;
            }

            if (gt < text.Length && text[gt] == '>')
            {
                length = gt + 1 - close;
                return close;
            }

            i = close + closing.Length;
        }
    }

    /// <summary>Escapes what XML refuses but feeds write: a bare &amp;, HTML's named entities, a stray &lt;, control characters.
    /// CDATA sections and comments are copied as they are.</summary>
    internal static string Repair(string xml)
    {
        var output = new StringBuilder(xml.Length + 64);
        var i = 0;
        while (i < xml.Length)
        {
            var c = xml[i];
            if (c == '<' && Copied(xml, ref i, "<![CDATA[", "]]>", output))
            {
                continue;
            }

            if (c == '<' && Copied(xml, ref i, "<!--", "-->", output))
            {
                continue;
            }

            switch (c)
            {
                case '&':
                    i = Entity(xml, i, output);
                    continue;
                case '<' when i + 1 < xml.Length && (char.IsLetter(xml[i + 1]) || xml[i + 1] is '/' or '_' or '?' or '!'):
                    output.Append(c);
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '\t' or '\n' or '\r':
                    output.Append(c);
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    break;
                default:
                    output.Append(c);
                    break;
            }

            i++;
        }

        return output.ToString();
    }

    private static bool Copied(string xml, ref int i, string open, string close, StringBuilder output)
    {
        if (string.CompareOrdinal(xml, i, open, 0, open.Length) != 0)
        {
            return false;
        }

        var end = xml.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        var stop = end < 0 ? xml.Length : end + close.Length;
        for (var j = i; j < stop; j++)
        {
            // XML refuses control characters even in CDATA; CMS titles pasted from Word carry them.
            if (xml[j] is >= ' ' or '\t' or '\n' or '\r' && xml[j] is not ('\uFFFE' or '\uFFFF'))
            {
                output.Append(xml[j]);
            }
        }

        if (end < 0)
        {
            output.Append(close);
        }

        i = stop;
        return true;
    }

    private static int Entity(string xml, int at, StringBuilder output)
    {
        var semicolon = xml.IndexOf(';', at + 1, Math.Min(MaxNameLength + 2, xml.Length - at - 1));
        var name = semicolon > at + 1 ? xml.AsSpan(at + 1, semicolon - at - 1) : [];
        if (name.IsEmpty || !IsName(name))
        {
            output.Append("&amp;");
            return at + 1;
        }

        if (name is "amp" or "lt" or "gt" or "quot" or "apos" || (name[0] == '#' && IsCharacterReference(name)))
        {
            output.Append(xml, at, semicolon + 1 - at);
            return semicolon + 1;
        }

        var reference = xml.Substring(at, semicolon + 1 - at);
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference)
        {
            // Not an entity HTML knows (or a DTD's own): the text as written.
            output.Append("&amp;");
            return at + 1;
        }

        foreach (var rune in decoded.EnumerateRunes())
        {
            output.Append("&#").Append(rune.Value).Append(';');
        }

        return semicolon + 1;
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '#')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCharacterReference(ReadOnlySpan<char> name)
    {
        var hex = name.Length > 1 && name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        if (digits.IsEmpty || !int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        return value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    private static string AsRawText(Match field)
    {
        var body = field.Groups["body"].Value;
        return body.Contains("<![CDATA[", StringComparison.Ordinal)
            ? field.Value
            : field.Groups["open"].Value + "<![CDATA[" + body.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>" + field.Groups["close"].Value;
    }
}
