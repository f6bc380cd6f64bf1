namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// A cheap pre-scan for absurdly deep markup. AngleSharp builds and walks the DOM recursively in
/// places, so a hostile page of 100,000 nested divs can overflow the stack, which no catch block
/// survives; LINQ to XML loads deep trees in quadratic time (100,000 levels took 40 s). Real
/// pages and feeds stay under a few hundred levels.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 3000;

    // Elements that never take, or routinely omit, an end tag: counting them would make long
    // ordinary lists look deep.
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
        "rb", "rt", "rp", "param", "keygen",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotCountedByName =
        NotCounted.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="html">The decoded page or feed.</param>
    /// <param name="isXml">XML has no void or self-closing-by-omission elements, so every start tag counts.</param>
    public static bool IsTooDeep(ReadOnlySpan<char> html, bool isXml = false)
    {
        var depth = 0;
        var i = 0;
        while ((i = IndexOf(html, '<', i)) >= 0 && i < html.Length - 1)
        {
            var next = html[i + 1];
            if (next == '/')
            {
                var closing = TagName(html, i + 2);
                if (closing.Length > 0 && (isXml || !NotCountedByName.Contains(closing)))
                {
                    depth = Math.Max(0, depth - 1);
                }
                i += 2 + closing.Length;
                continue;
            }
            if (next == '!')
            {
                var rest = html[i..];
                var end = rest.StartsWith("<!--", StringComparison.Ordinal) ? IndexOf(html, "-->", i + 4)
                    : rest.StartsWith("<![CDATA[", StringComparison.Ordinal) ? IndexOf(html, "]]>", i + 9)
                    : IndexOf(html, '>', i);
                if (end < 0)
                {
                    return false;
                }
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                i++;
                continue;
            }

            var name = TagName(html, i + 1);
            var tagEnd = IndexOf(html, '>', i + 1 + name.Length);
            if (tagEnd < 0)
            {
                return false;
            }

            if (!isXml && IsRawText(name))
            {
                // Script and style bodies hold "<" that are not tags ("i<n"); jump past them.
                var close = IndexOf(html, "</" + name.ToString(), tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close + 2;
                continue;
            }

            var selfClosing = html[tagEnd - 1] == '/';
            if (!selfClosing && (isXml || !NotCountedByName.Contains(name)) && ++depth > MaxDepth)
            {
                return true;
            }
            i = tagEnd + 1;
        }
        return false;
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }
        return html.Slice(start, end - start);
    }

    // string.IndexOf with a start index, on a span: -1 or the position in the whole text.
    private static int IndexOf(ReadOnlySpan<char> text, char value, int start)
    {
        var at = text[start..].IndexOf(value);
        return at < 0 ? -1 : start + at;
    }

    private static int IndexOf(ReadOnlySpan<char> text, string value, int start, StringComparison comparison = StringComparison.Ordinal)
    {
        var at = text[start..].IndexOf(value, comparison);
        return at < 0 ? -1 : start + at;
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase)
        || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("textarea", StringComparison.OrdinalIgnoreCase);
}
