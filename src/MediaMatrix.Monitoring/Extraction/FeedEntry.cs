using System.Text;
using System.Xml;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// One &lt;item&gt; or &lt;entry&gt; as the feed reader needs it, read straight off the <see cref="XmlReader"/>: its
/// namespace, its <c>rdf:about</c>, and each child element's name, text (all text and CDATA below it, as
/// <c>XElement.Value</c> gives it) and the three attributes a feed item is read by. No tree is built, and the depth of
/// every element is checked as it is read, so the nesting guard needs no separate pass over a well-formed feed.
/// </summary>
internal sealed class FeedEntry
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private readonly List<Child> children;

    private FeedEntry(string ns, string? about, List<Child> children)
    {
        Namespace = ns;
        About = about;
        this.children = children;
    }

    /// <summary>The item's own namespace URI ("" for none).</summary>
    public string Namespace { get; }

    public string? About { get; }

    public IEnumerable<Child> Children(string ns, string localName) =>
        children.Where(c => c.LocalName == localName && c.Namespace == ns);

    /// <summary>The first child with this namespace URI and local name, as <c>XElement.Element</c>.</summary>
    public Child? First(string ns, string localName)
    {
        foreach (var child in children)
        {
            if (child.LocalName == localName && child.Namespace == ns)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Reads the element the reader is on and leaves the reader just past its end, as <c>XNode.ReadFrom</c>.</summary>
    /// <exception cref="XmlException">The markup breaks off or is malformed inside the item.</exception>
    public static FeedEntry Read(XmlReader reader)
    {
        var entry = new FeedEntry(reader.NamespaceURI, reader.HasAttributes ? reader.GetAttribute("about", Rdf) : null, new List<Child>(8));
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return entry;
        }

        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                GuardDepth(reader);
                entry.children.Add(ReadChild(reader));
                continue;
            }

            reader.Read();
        }

        reader.Read();
        return entry;
    }

    /// <summary>The nesting guard of the forward-only pass: an element this deep ends the read as hostile or broken.</summary>
    public static void GuardDepth(XmlReader reader)
    {
        // The reader counts the root as depth 0; the guard counts it as level 1.
        if (reader.Depth >= NestingGuard.MaxDepth)
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"expected a feed, got XML nested deeper than {NestingGuard.MaxDepth} levels");
        }
    }

    private static Child ReadChild(XmlReader reader)
    {
        var (ns, localName) = (reader.NamespaceURI, reader.LocalName);
        string? rel = null, href = null, isPermaLink = null;
        if (reader.HasAttributes)
        {
            rel = reader.GetAttribute("rel");
            href = reader.GetAttribute("href");
            isPermaLink = reader.GetAttribute("isPermaLink");
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new Child(ns, localName, string.Empty, rel, href, isPermaLink);
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? joined = null;
        reader.Read();
        while (reader.Depth > depth && !reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    var value = reader.Value;
                    if (single is null)
                    {
                        single = value;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(single)).Append(value);
                    }

                    break;
                case XmlNodeType.Element:
                    GuardDepth(reader);
                    break;
            }

            reader.Read();
        }

        reader.Read();
        return new Child(ns, localName, joined?.ToString() ?? single ?? string.Empty, rel, href, isPermaLink);
    }

    /// <summary>A child element: its name, its text, and the attributes feeds are read by.</summary>
    internal sealed record Child(string Namespace, string LocalName, string Value, string? Rel, string? Href, string? IsPermaLink);
}
