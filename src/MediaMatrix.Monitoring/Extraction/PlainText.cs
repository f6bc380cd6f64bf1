using System.Net;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>Titles as a reader sees them: tags removed, entities decoded, whitespace collapsed.</summary>
internal static partial class PlainText
{
    // Line and block breaks become spaces; inline tags vanish, because Chinese has no spaces
    // between words and "<b>县长</b>调研" must read "县长调研".
    [GeneratedRegex(@"<(?:br|p|div|li|tr|td|h[1-6])\b[^>]*>|</(?:p|div|li|tr|td|h[1-6])>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }
        var withoutTags = html.Contains('<', StringComparison.Ordinal)
            ? Tag().Replace(BreakTag().Replace(html, " "), string.Empty)
            : html;
        return Collapse(WebUtility.HtmlDecode(withoutTags));
    }

    public static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Whitespace().Replace(text, " ").Trim();
}
