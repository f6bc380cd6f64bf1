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

    /// <summary>Runs of whitespace become one space, ends trimmed; the text itself when nothing changes (most titles).</summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsCollapsed(text))
        {
            return text;
        }

        // As Regex "\s+" → " " then Trim() did: the regex's \s and Trim both take char.IsWhiteSpace's set.
        return CollapseInto(text);
    }

    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    private static string CollapseInto(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
