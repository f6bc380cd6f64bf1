using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// A post's body as the content checks read it, kept bounded: HTML stripped (script, style and comments dropped with
/// their text), entities decoded, NFKC-normalised (full-width letters and digits become half-width, so 1３8 reads as a
/// number), format and control characters removed, whitespace runs made one space, and cut on a text-element boundary
/// at the limit. Null when nothing is left: a post without text is judged on its title alone.
/// </summary>
public static partial class PostText
{
    /// <summary>Characters kept by default (Polling:TextLength): a long government article's first screens.</summary>
    public const int DefaultLength = 4_000;

    // Text inside these never shows to a reader, and a scraped <script> is the last thing a check should match.
    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenBlock();

    // A comment sits inside running text as often as between blocks: it goes without leaving a space.
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>The excerpt of <paramref name="raw"/> (HTML or plain text), at most <paramref name="limit"/> characters.</summary>
    public static string? Excerpt(string? raw, int limit = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(raw) || limit <= 0)
        {
            return null;
        }

        // Only a bounded prefix is worked on: a 4 MB description costs no more than a long article.
        var bounded = raw.Length > limit * 8 ? raw[..(limit * 8)] : raw;
        var plain = bounded.Contains('<', StringComparison.Ordinal)
            ? PlainText.FromHtml(HiddenBlock().Replace(Comment().Replace(bounded, string.Empty), " "))
            : WebUtility.HtmlDecode(bounded);
        return Clean(plain, limit);
    }

    /// <summary>Plain text already out of a document (an article body's text content) made into the excerpt.</summary>
    public static string? FromPlain(string? text, int limit = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(text) || limit <= 0)
        {
            return null;
        }

        return Clean(text.Length > limit * 8 ? text[..(limit * 8)] : text, limit);
    }

    private static string? Clean(string text, int limit)
    {
        var normal = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var clean = new StringBuilder(Math.Min(normal.Length, limit + 2));
        var pendingSpace = false;
        Span<char> units = stackalloc char[2];
        foreach (var rune in normal.EnumerateRunes())
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
            if (clean.Length > limit)
            {
                return Cut(clean.ToString(), limit);
            }
        }

        return clean.Length == 0 ? null : clean.ToString();
    }

    private static string Cut(string prefix, int limit)
    {
        var end = 0;
        while (end < prefix.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(prefix, end);
            if (next > limit)
            {
                break;
            }

            end = next;
        }

        return prefix[..end].TrimEnd();
    }
}
