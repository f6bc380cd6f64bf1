using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MediaMatrix.Simulator.Tests;

/// <summary>The newest post's time from any source the simulator serves, read the simple way (the engine's parsers are tested elsewhere).</summary>
internal static partial class NewestPostReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static DateTimeOffset? Read(string path, byte[] body)
    {
        if (path.EndsWith("rss.xml", StringComparison.Ordinal))
        {
            var pubDate = XDocument.Parse(Encoding.UTF8.GetString(body)).Descendants("pubDate").FirstOrDefault();
            return pubDate is null ? null : FeedPost.ParseRfc822(pubDate.Value);
        }

        if (path.EndsWith("atom.xml", StringComparison.Ordinal))
        {
            var published = XDocument.Parse(Encoding.UTF8.GetString(body)).Descendants(Atom + "published").FirstOrDefault();
            return published is null ? null : DateTimeOffset.Parse(published.Value, CultureInfo.InvariantCulture);
        }

        if (path.EndsWith("feed.json", StringComparison.Ordinal))
        {
            using var feed = JsonDocument.Parse(body);
            var items = feed.RootElement.GetProperty("items");
            return items.GetArrayLength() == 0 ? null : DateTimeOffset.Parse(items[0].GetProperty("date_published").GetString()!, CultureInfo.InvariantCulture);
        }

        var html = Encoding.UTF8.GetString(body);
        if (html.Contains("charset=\"gbk\"", StringComparison.Ordinal))
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            html = Encoding.GetEncoding("gbk").GetString(body);
        }

        var date = ListDate().Match(html);
        return date.Success
            ? DateTimeOffset.ParseExact(date.Groups[1].Value + " +08:00", ["yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd zzz"], CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"<span class=""date"">([^<]+)</span>")]
    private static partial Regex ListDate();
}
