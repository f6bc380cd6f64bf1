using System.Globalization;
using System.Xml.Linq;

namespace MediaMatrix.Simulator.Tests;

/// <summary>Just enough RSS reading to check what the simulator serves; the real parsers live in the engine.</summary>
internal sealed record FeedPost(string Id, string Title, string Link, DateTimeOffset? Published)
{
    public static IReadOnlyList<FeedPost> ParseRss(string xml) =>
        XDocument.Parse(xml).Descendants("item").Select(item => new FeedPost(
            (string)item.Element("guid")!,
            (string)item.Element("title")!,
            (string)item.Element("link")!,
            item.Element("pubDate") is { } date ? ParseRfc822((string)date) : null)).ToList();

    /// <summary>Only the shape the simulator writes: <c>Fri, 20 Nov 2026 09:12:00 +0800</c>.</summary>
    public static DateTimeOffset ParseRfc822(string text) =>
        DateTimeOffset.ParseExact(text.Replace(" +0800", " +08:00", StringComparison.Ordinal), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
