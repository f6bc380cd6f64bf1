using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MediaMatrix.Benchmarks.Inputs;

/// <summary>
/// RSS 2.0 and Atom feeds of any length, made from the real RSSHub fixture's 10 items (titles, HTML descriptions,
/// links, dates) taken in turn, each copy with its own link and id.
/// </summary>
internal static class FeedCorpus
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static readonly Uri FeedUrl = new("http://rsshub.app/bilibili/user/channel/142821407/49017");

    public static byte[] Build(string format, int items)
    {
        var source = XElement.Parse(Fixtures.Text(Fixtures.RsshubFeed)).Element("channel")!.Elements("item")
            .Select(i => (Title: (string)i.Element("title")!, Description: (string?)i.Element("description") ?? "",
                Link: (string)i.Element("link")!, Published: DateTimeOffset.Parse((string)i.Element("pubDate")!, CultureInfo.InvariantCulture)))
            .ToList();
        var copies = Enumerable.Range(0, items)
            .Select(n => source[n % source.Count] with { Link = $"{source[n % source.Count].Link}?copy={n}" })
            .ToList();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            var document = format switch
            {
                "rss" => new XDocument(new XElement("rss", new XAttribute("version", "2.0"), new XElement("channel",
                    new XElement("title", "极客之选 的 bilibili 频道"), new XElement("link", "https://space.bilibili.com/142821407/"),
                    copies.Select(c => new XElement("item",
                        new XElement("title", new XCData(c.Title)), new XElement("description", new XCData(c.Description)),
                        new XElement("pubDate", c.Published.ToString("R", CultureInfo.InvariantCulture)),
                        new XElement("guid", new XAttribute("isPermaLink", "false"), c.Link), new XElement("link", c.Link)))))),
                "atom" => new XDocument(new XElement(Atom + "feed",
                    new XElement(Atom + "title", "极客之选 的 bilibili 频道"), new XElement(Atom + "id", FeedUrl.AbsoluteUri),
                    new XElement(Atom + "updated", copies[0].Published.ToString("O", CultureInfo.InvariantCulture)),
                    copies.Select(c => new XElement(Atom + "entry",
                        new XElement(Atom + "title", c.Title), new XElement(Atom + "id", c.Link),
                        new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", c.Link)),
                        new XElement(Atom + "published", c.Published.ToString("O", CultureInfo.InvariantCulture)),
                        new XElement(Atom + "updated", c.Published.ToString("O", CultureInfo.InvariantCulture)),
                        new XElement(Atom + "summary", new XAttribute("type", "html"), c.Description))))),
                _ => throw new ArgumentException($"unknown feed format '{format}'; use rss or atom", nameof(format)),
            };
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
