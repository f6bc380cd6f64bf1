using System.Globalization;
using System.Text;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Scraped text made fit to show people, once, at extraction, whatever the source kind. Format
/// characters (Unicode category Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and
/// U+2066–U+2069, the marks U+200E/U+200F/U+061C, zero-width spaces and joiners, U+FEFF, soft
/// hyphens, tag characters) and control characters are removed: a title with U+202E reads backwards
/// on every page and mail that shows it (display spoofing). Whitespace runs become one space. A
/// title longer than <see cref="MaxTitleLength"/> is cut on a text-element boundary (never inside
/// a surrogate pair or a combining sequence) and ends with "…": a 4 MB title made a 4 MB page.
/// </summary>
public static class ScrapedText
{
    /// <summary>Longest title kept, in UTF-16 code units with the ellipsis. Real government titles run 10–80 characters.</summary>
    public const int MaxTitleLength = 300;

    private const char Ellipsis = '…';

    /// <summary>The title cleaned and, if too long, cut; <paramref name="cut"/> says whether it was cut.</summary>
    public static string Title(string? text, out bool cut)
    {
        cut = false;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return IsAlreadyFit(text) ? text : TitleByRunes(text, out cut);
    }

    /// <summary>
    /// Most titles need nothing: short, no surrogate pairs, no format or control characters, no whitespace but single
    /// spaces inside. For those the rune loop below would copy the text unchanged, so the text itself is the answer.
    /// </summary>
    private static bool IsAlreadyFit(string text)
    {
        if (text.Length > MaxTitleLength || text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (text[i + 1] == ' ')
                {
                    return false;
                }

                continue;
            }

            if (char.IsSurrogate(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The full cleaning, rune by rune (internal so the tests can hold the shortcut to it).</summary>
    internal static string TitleByRunes(string text, out bool cut)
    {
        cut = false;

        // One past the limit is enough to know the title is too long; the rest of a huge title is never copied.
        var clean = new StringBuilder(Math.Min(text.Length, MaxTitleLength + 1));
        var pendingSpace = false;
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = clean.Length > 0;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            if (pendingSpace)
            {
                clean.Append(' ');
                pendingSpace = false;
            }

            clean.Append(units[..rune.EncodeToUtf16(units)]);
            if (clean.Length > MaxTitleLength)
            {
                cut = true;
                return Cut(clean.ToString());
            }
        }

        return clean.ToString();
    }

    /// <summary>
    /// Whole text elements up to the limit, leaving room for the ellipsis. <paramref name="prefix"/> runs past
    /// the limit, so each element kept ends before the prefix does and is complete in the full title too.
    /// </summary>
    private static string Cut(string prefix)
    {
        var end = 0;
        while (end < prefix.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(prefix, end);
            if (next > MaxTitleLength - 1)
            {
                break;
            }

            end = next;
        }

        return string.Concat(prefix.AsSpan(0, end).TrimEnd(), Ellipsis.ToString());
    }
}
