using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The profile's items selector. A list under an id (<c>#expertList1 li</c>, the usual CMS profile) is resolved directly:
/// <c>GetElementById</c>, which stops at the list, then the item part inside it, instead of matching the selector against
/// every element of a 100 KB page. That is the selector's own answer only while one element carries the id, so the
/// shortcut is taken only when the id's text occurs once in the whole page (case ignored: at most one element can then
/// carry it) and the item part is a plain tag or class compound (no combinator); anything else, or markup inlined from
/// scripts, goes through <c>QuerySelectorAll</c>.
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

    private static bool OccursOnce(ReadOnlySpan<char> source, string text)
    {
        var first = source.IndexOf(text, StringComparison.OrdinalIgnoreCase);
        return first >= 0 && source[(first + text.Length)..].IndexOf(text, StringComparison.OrdinalIgnoreCase) < 0;
    }
}
