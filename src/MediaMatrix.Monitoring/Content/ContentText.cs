using System.Globalization;
using System.Text;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// The one form every content check reads: format characters (Unicode category Cf: zero-width space and joiners, soft
/// hyphen, BOM, bidi marks) removed, then NFKC (full-width letters, digits and punctuation to their plain forms,
/// compatibility ideographs to the unified ones). A wrong form split by a zero-width space or typed in full-width letters
/// is still the wrong form. Hits index this normalised text and excerpts are cut from it, so no position map is needed.
/// </summary>
public static class ContentText
{
    /// <summary>
    /// Idempotent: normalising twice gives the same text, so <see cref="ContentChecker.Check"/> accepts text already
    /// normalised. Format characters go first: NFKC after them composes what they kept apart (e + ZWSP + U+0301).
    /// </summary>
    public static string Normalize(string text)
    {
        var stripped = StripFormatCharacters(text);
        // IsNormalized is a scan without allocation; most ASCII-only text stops there.
        return stripped.IsNormalized(NormalizationForm.FormKC) ? stripped : StripFormatCharacters(stripped.Normalize(NormalizationForm.FormKC));
    }

    private static string StripFormatCharacters(string text)
    {
        var first = FirstFormatCharacter(text, 0);
        if (first < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        var from = 0;
        while (first >= 0)
        {
            builder.Append(text, from, first - from);
            from = first + (char.IsHighSurrogate(text[first]) ? 2 : 1);
            first = FirstFormatCharacter(text, from);
        }

        return builder.Append(text, from, text.Length - from).ToString();
    }

    private static int FirstFormatCharacter(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            // Below U+00AD (soft hyphen) nothing is Cf: a cheap test keeps ASCII and Latin-1 text off the category lookup.
            if (c < '\u00AD')
                continue;

            if (CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
                return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
        }

        return -1;
    }
}
