using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The profile's items selector. A list under an id (<c>#expertList1 li</c>, the usual CMS profile) is resolved directly:
/// <c>GetElementById</c>, which stops at the list, then the item part inside it, instead of matching the selector against
/// every element of a 100 KB page. That is the selector's own answer only while one element carries the id, so the
/// shortcut is taken only when one <c>id</c> attribute in the page's markup has that value (<see cref="OccursOnce"/>)
/// and the item part is a plain tag or class compound (no combinator); anything else, or markup inlined from scripts,
/// goes through <c>QuerySelectorAll</c>.
/// </summary>
internal static partial class ItemSelector
{
    [GeneratedRegex(@"^#(?<id>[A-Za-z_][\w-]*)\s+(?<rest>(?:[A-Za-z][A-Za-z0-9-]*)?(?:\.[A-Za-z_][\w-]*)*)$")]
    private static partial Regex UnderAnId();

    public static IReadOnlyList<IElement> Select(IDocument document, string selector, ReadOnlySpan<char> source, bool markupInlined)
    {
        if (!markupInlined && UnderAnId().Match(selector.Trim()) is { Success: true } match && match.Groups["rest"].Length > 0)
        {
            var id = match.Groups["id"].Value;
            if (OccursOnce(source, id))
            {
                return document.GetElementById(id) is { } list ? list.QuerySelectorAll(match.Groups["rest"].Value) : [];
            }
        }

        return document.QuerySelectorAll(selector);
    }

    /// <summary>
    /// True when exactly one <c>id</c> attribute in the page's markup has this value (<c>id="x"</c>, <c>id='x'</c>,
    /// <c>id=x</c>, any case, spaces around the <c>=</c>). The value is found with a vectorised search and each hit
    /// checked backwards, so scripts and links that mention the id do not count. Errs towards "more than one", which only
    /// costs the shortcut. One spelling it cannot see: an id written with character references (<c>id="a&amp;#98;"</c>).
    /// </summary>
    internal static bool OccursOnce(ReadOnlySpan<char> source, string id)
    {
        var count = 0;
        var from = 0;
        int at;
        while ((at = source[from..].IndexOf(id, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var start = from + at;
            from = start + id.Length;
            if (IsIdAttributeValue(source, start, from) && ++count > 1)
            {
                return false;
            }
        }

        return count == 1;
    }

    private static bool IsIdAttributeValue(ReadOnlySpan<char> source, int start, int end)
    {
        var i = start - 1;
        var quote = i >= 0 && source[i] is '"' or '\'' ? source[i--] : '\0';
        var after = end < source.Length ? source[end] : '>';
        if (quote != '\0' ? after != quote : !(char.IsWhiteSpace(after) || after == '>'))
        {
            return false;
        }

        while (i >= 0 && char.IsWhiteSpace(source[i]))
        {
            i--;
        }

        if (i < 0 || source[i] != '=')
        {
            return false;
        }

        i--;
        while (i >= 0 && char.IsWhiteSpace(source[i]))
        {
            i--;
        }

        return i >= 2 && source.Slice(i - 1, 2).Equals("id", StringComparison.OrdinalIgnoreCase)
            && (char.IsWhiteSpace(source[i - 2]) || source[i - 2] is '"' or '\'' or '/');
    }
}
