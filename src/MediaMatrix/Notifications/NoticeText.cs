using System.Text;

namespace MediaMatrix.Notifications;

/// <summary>
/// Making untrusted text safe and short for a chat message or a mail: one line, no active markdown, no clickable
/// foreign address, within a byte budget. Titles come from scraped posts and names from config; either may be hostile.
/// </summary>
internal static class NoticeText
{
    public const string Ellipsis = "…";

    /// <summary>One line, and "://" broken so a chat client or mail reader does not turn a hostile address into a link.</summary>
    public static string Defang(string text) =>
        string.Concat(text.Select(ch => char.IsControl(ch) ? ' ' : ch)).Replace("://", "：//", StringComparison.Ordinal);

    /// <summary>For WeCom and DingTalk markdown: markdown- and HTML-active characters become their full-width look-alikes,
    /// so a title cannot open a link, an image, emphasis, code or a <c>&lt;font&gt;</c> tag. Being one line (and never at
    /// the start of one), it cannot start a heading, a quote or a list either.</summary>
    public static string Plain(string text) => string.Concat(Defang(text).Select(ch => ch switch
    {
        '[' => '［',
        ']' => '］',
        '(' => '（',
        ')' => '）',
        '<' => '＜',
        '>' => '＞',
        '#' => '＃',
        '*' => '＊',
        '_' => '＿',
        '~' => '～',
        '`' => '｀',
        '!' => '！',
        '|' => '｜',
        '&' => '＆',
        '\\' => '＼',
        _ => ch,
    }));

    public static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>At most <paramref name="maxBytes"/> UTF-8 bytes, cut on a character boundary, ending in "…" when cut.</summary>
    public static string Clip(string text, int maxBytes)
    {
        if (Bytes(text) <= maxBytes)
            return text;
        var budget = maxBytes - Bytes(Ellipsis);
        var end = 0;
        var used = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (used + bytes > budget)
                break;
            used += bytes;
            end += width;
        }

        return budget <= 0 ? string.Empty : text[..end] + Ellipsis;
    }

    /// <summary>At most <paramref name="maxChars"/> characters (a title: long ones are useless in a chat), "…" when cut.</summary>
    public static string ClipChars(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return text;
        var end = maxChars - 1;
        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
            end--;
        return text[..end] + Ellipsis;
    }

    /// <summary>Lines kept whole while they fit in <paramref name="maxBytes"/> (counting a newline each); the first that
    /// does not is cut, the rest dropped.</summary>
    public static IReadOnlyList<string> ClipLines(IReadOnlyList<string> lines, int maxBytes)
    {
        var kept = new List<string>(lines.Count);
        var left = maxBytes;
        foreach (var line in lines)
        {
            var bytes = Bytes(line) + 1;
            if (bytes <= left)
            {
                kept.Add(line);
                left -= bytes;
                continue;
            }

            if (left > Bytes(Ellipsis) + 1)
                kept.Add(Clip(line, left - 1));
            break;
        }

        return kept;
    }
}
