using System.Net;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>Titles as a reader sees them: tags removed, entities decoded, whitespace collapsed.</summary>
internal static partial class PlainText
{
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
        var withoutTags = html.Contains('<', StringComparison.Ordinal) ? Tag().Replace(html, " ") : html;
        return Collapse(WebUtility.HtmlDecode(withoutTags));
    }

    public static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Whitespace().Replace(text, " ").Trim();
}
