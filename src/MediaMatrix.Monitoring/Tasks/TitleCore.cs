using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Reduces a title to its core (<see cref="TitleSimilarity.Core"/>: NFKC, 【…】 and #…# blocks dropped unless nothing else
/// is left, 转发/转载/转自/转： prefixes stripped, then only letters and numbers, lower case) in a caller's buffer. Task
/// matching reduces every post in a task's window, 10,000 accounts' worth per evaluation round (benchmark S1), so this is plain
/// passes over one char array: no regex, no intermediate string, nothing allocated for the usual Chinese title.
/// </summary>
internal static class TitleCore
{
    /// <summary>The core of <paramref name="title"/>, in <paramref name="buffer"/> (grown if it is too small). Valid until
    /// the buffer is used again.</summary>
    public static ReadOnlySpan<char> Reduce(string title, ref char[] buffer)
    {
        Ensure(ref buffer, title.Length);
        if (TryReducePlain(title, buffer) is var plain and >= 0)
        {
            return buffer.AsSpan(0, plain);
        }

        var text = Fold(title, ref buffer);
        var length = RemoveDecoration(text);
        var start = AfterRepostPrefixes(text[..length]);
        return text[..KeepWords(text, start, length)];
    }

    /// <summary>
    /// Most titles carry no decoration: no 【, 】, # (or ＃) and no 转 at all, and only chars <see cref="FoldCommon"/> knows.
    /// Then there is no block to drop and no prefix to strip, and the core is one pass: fold, keep letters and numbers.
    /// Returns the core's length, or −1 when the title needs the full reduction.
    /// </summary>
    private static int TryReducePlain(string title, char[] buffer)
    {
        var length = 0;
        foreach (var c in title)
        {
            var folded = FoldCommon(c);
            if (folded < 0 || folded is '【' or '】' or '#' or '转')
            {
                return -1;
            }

            if (WordOrZero((char)folded) is var word and not '\0')
            {
                buffer[length++] = word;
            }
        }

        return length;
    }

    /// <summary>The title in NFKC. Most titles are ideographs, ASCII and full-width punctuation, whose NFKC is known char by
    /// char (<see cref="FoldCommon"/>); anything else goes through <see cref="string.Normalize(NormalizationForm)"/>.</summary>
    private static Span<char> Fold(string title, ref char[] buffer)
    {
        Ensure(ref buffer, title.Length);
        for (var i = 0; i < title.Length; i++)
        {
            var folded = FoldCommon(title[i]);
            if (folded < 0)
            {
                var normal = title.Normalize(NormalizationForm.FormKC);
                Ensure(ref buffer, normal.Length);
                normal.CopyTo(buffer);
                return buffer.AsSpan(0, normal.Length);
            }

            buffer[i] = (char)folded;
        }

        return buffer.AsSpan(0, title.Length);
    }

    /// <summary>
    /// NFKC of one char where it cannot depend on its neighbours, or −1. None of these chars is a combining mark or takes
    /// part in a canonical composition, so a string made only of them normalises char by char: ASCII, the middle dot, CJK
    /// ideographs (URO and extension A), common CJK and typographic punctuation (unchanged), and the full-width forms of
    /// ASCII and the ideographic space (their compatibility mappings). A unit test checks every one against ICU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int FoldCommon(char c) => c switch
    {
        < '\u0080' or '\u00B7' => c,
        >= '\u4E00' and <= '\u9FFF' => c,
        >= '\u3400' and <= '\u4DBF' => c,
        '\u3001' or '\u3002' or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u3017') => c,
        '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' => c,
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => c - 0xFEE0,
        _ => -1,
    };

    /// <summary>Drops whole 【…】 and #…# blocks in place, scanning left to right as the regex <c>【[^】]*】|#[^#]*#</c> would;
    /// when that leaves no letter or number (a Weibo post that is just 【the title】), drops only the brackets and #.
    /// Returns the new length.</summary>
    private static int RemoveDecoration(Span<char> text)
    {
        var lastClose = text.LastIndexOf('】');
        var lastHash = text.LastIndexOf('#');
        var keepsWords = false;
        for (var i = 0; i < text.Length && !keepsWords; i++)
        {
            var end = BlockEnd(text, i, lastClose, lastHash);
            if (end >= 0)
            {
                i = end;
            }
            else
            {
                keepsWords = IsWord(text[i]);
            }
        }

        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keepsWords)
            {
                var end = BlockEnd(text, i, lastClose, lastHash);
                if (end >= 0)
                {
                    i = end;
                    continue;
                }
            }
            else if (c is '【' or '】' or '#')
            {
                continue;
            }

            text[length++] = c;
        }

        return length;
    }

    // Where the block opening at `at` closes, or −1. Knowing the last closer makes an unclosed opener O(1), so a title full
    // of them stays linear.
    private static int BlockEnd(ReadOnlySpan<char> text, int at, int lastClose, int lastHash) => text[at] switch
    {
        '【' when lastClose > at => at + 1 + text[(at + 1)..].IndexOf('】'),
        '#' when lastHash > at => at + 1 + text[(at + 1)..].IndexOf('#'),
        _ => -1,
    };

    /// <summary>Where the text starts after any run of repost prefixes, as the regex
    /// <c>^\s*(?:(?:转发|转载|转自)\s*[:：]?|转\s*[:：])\s*</c> applied until nothing changes would leave it.</summary>
    private static int AfterRepostPrefixes(ReadOnlySpan<char> text)
    {
        var at = 0;
        while (true)
        {
            var i = SkipSpace(text, at);
            if (i + 1 < text.Length && text[i] == '转' && text[i + 1] is '发' or '载' or '自')
            {
                i = SkipSpace(text, i + 2);
                at = i < text.Length && text[i] is ':' or '：' ? SkipSpace(text, i + 1) : i;
                continue;
            }

            if (i < text.Length && text[i] == '转')
            {
                var colon = SkipSpace(text, i + 1);
                if (colon < text.Length && text[colon] is ':' or '：')
                {
                    at = SkipSpace(text, colon + 1);
                    continue;
                }
            }

            return at;
        }
    }

    // Regex \s is char.IsWhiteSpace: Unicode Z categories, \t–\r and U+0085.
    private static int SkipSpace(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Moves the letters and numbers of text[start..end] to the front, in lower case; returns how many.</summary>
    private static int KeepWords(Span<char> text, int start, int end)
    {
        var length = 0;
        for (var i = start; i < end; i++)
        {
            if (WordOrZero(text[i]) is var word and not '\0')
            {
                text[length++] = word;
            }
        }

        return length;
    }

    private static bool IsWord(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber;

    /// <summary>A letter or number in lower case, or \0 (never a word char) for anything else. ASCII and CJK ideographs,
    /// nearly every char of a title, skip the Unicode tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char WordOrZero(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c,
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        < '\u0080' => '\0',
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' => c,
        _ => IsWord(c) ? char.ToLowerInvariant(c) : '\0',
    };

    private static void Ensure(ref char[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, buffer.Length * 2)];
        }
    }
}
