using System.Text;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>
/// An RSS feed whose DTD expands to about a billion "lol"s and pulls in a local file and a
/// loopback URL. A safe reader refuses the DTD (or ignores entities) and never reads either.
/// </summary>
internal static class XmlBombRenderer
{
    public static RenderedSource Render(SimulatedAccount account, Uri baseUrl)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE rss [\n  <!ENTITY lol \"lol\">\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = level == 1 ? "lol" : $"lol{level - 1}";
            xml.Append("  <!ENTITY lol").Append(level).Append(" \"").Append(string.Concat(Enumerable.Repeat($"&{previous};", 10))).Append("\">\n");
        }

        var canary = new Uri(baseUrl, $"canary/{account.Id}").AbsoluteUri;
        xml.Append("  <!ENTITY file SYSTEM \"file:///etc/passwd\">\n")
            .Append("  <!ENTITY canary SYSTEM \"").Append(canary).Append("\">\n]>\n")
            .Append("<rss version=\"2.0\"><channel><title>&lol9;</title><link>").Append(baseUrl.AbsoluteUri).Append("</link><description>&file;</description>\n")
            .Append("<item><title>&lol9;</title><link>").Append(canary).Append("</link><guid isPermaLink=\"false\">xml-bomb</guid>")
            .Append("<pubDate>Fri, 20 Nov 2026 09:00:00 +0800</pubDate><description>&canary;&file;</description></item>\n</channel></rss>\n");
        return new RenderedSource(TextEncodings.Utf8.GetBytes(xml.ToString()), "application/rss+xml; charset=utf-8", null);
    }
}
