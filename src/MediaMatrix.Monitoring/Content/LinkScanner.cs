using System.Collections.Frozen;
using System.Globalization;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// Links to denied hosts: http(s) URLs, and bare host names as posts write them ("详见 www.example.com/a"). A host is
/// denied when it is a deny-list host or a subdomain of one (evil.example.com under example.com; evil-example.com is
/// another host). Hosts are compared lower-case in their ASCII (punycode) form, so 例子.中国 and xn--fsqu00a.xn--fiqs8s
/// are one host. Reads normalised text: a full-width dot (．) is a dot by then; the ideographic full stop (。), which
/// IDNA also reads as a dot, counts as one between host labels.
/// </summary>
public sealed class LinkScanner
{
    private readonly FrozenSet<string> _denied;

    public LinkScanner(IEnumerable<string> deniedHosts)
    {
        _denied = deniedHosts.Select(h => AsciiHost(h.Trim())).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<ContentHit> Scan(string text)
    {
        var hits = new List<ContentHit>();
        Scan(text, hits);
        return hits;
    }

    internal void Scan(string text, List<ContentHit> hits)
    {
        if (_denied.Count == 0)
            return;

        var i = 0;
        while (i < text.Length)
        {
            if (!IsAsciiHostChar(text[i]) || (i > 0 && (IsAsciiHostChar(text[i - 1]) || text[i - 1] == '@')))
            {
                i++;
                continue;
            }

            var scheme = SchemeLength(text, i);
            var hostStart = i + scheme;
            var hostEnd = HostEnd(text, hostStart, unicode: scheme > 0);
            if (scheme > 0 && hostEnd < text.Length && text[hostEnd] == '@')
            {
                // user@host: the host is what follows.
                hostStart = hostEnd + 1;
                hostEnd = HostEnd(text, hostStart, unicode: true);
            }

            if (hostEnd == hostStart)
            {
                i = Math.Max(hostEnd, i + 1);
                continue;
            }

            var (denied, end) = Denied(text, hostStart, hostEnd);
            if (denied is not null)
            {
                end = PathEnd(text, end);
                hits.Add(new ContentHit(ContentRuleNames.DeniedLink, FindingKind.HarmfulLink, ContentSeverity.Serious, i, end - i,
                    text[i..end], null, $"链接指向禁止域名 {denied}（content.deniedHosts）"));
            }

            i = Math.Max(end, hostEnd);
        }
    }

    /// <summary>The denied host the link falls under, and where its host ends; null when it falls under none.</summary>
    private (string? Denied, int End) Denied(string text, int start, int end)
    {
        if (Lookup(text[start..end]) is { } whole)
            return (whole, end);

        // A host run on into the text after it ("http://example.com。详见…"): the ASCII labels before the first other one.
        var ascii = start;
        while (ascii < end && (char.IsAscii(text[ascii]) || text[ascii] == '。'))
            ascii++;
        while (ascii > start && text[ascii - 1] is '.' or '。')
            ascii--;
        return ascii < end && ascii > start && Lookup(text[start..ascii]) is { } prefix ? (prefix, ascii) : (null, end);
    }

    private string? Lookup(string host)
    {
        if (AsciiHost(host) is not { } ascii || !ascii.Contains('.', StringComparison.Ordinal))
            return null;

        // The host itself, then each parent domain: a.b.example.com, b.example.com, example.com, com.
        var at = 0;
        while (true)
        {
            var candidate = ascii[at..];
            if (_denied.Contains(candidate))
                return candidate;

            var dot = ascii.IndexOf('.', at);
            if (dot < 0)
                return null;
            at = dot + 1;
        }
    }

    private static string? AsciiHost(string host)
    {
        var cleaned = host.Replace('。', '.').TrimEnd('.').ToLowerInvariant();
        if (cleaned.Length == 0)
            return null;
        if (cleaned.All(char.IsAscii))
            return cleaned;

        try
        {
            return new IdnMapping().GetAscii(cleaned);
        }
        catch (ArgumentException)
        {
            // Not a valid internationalised name: no registered host can have it, so nothing to deny.
            return null;
        }
    }

    private static int SchemeLength(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return 8;
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
    }

    /// <summary>Where a host name ends: ASCII labels, and after a scheme letters of any script (例子.中国).</summary>
    private static int HostEnd(string text, int at, bool unicode)
    {
        while (at < text.Length)
        {
            var c = text[at];
            if (IsAsciiHostChar(c) || (unicode && c > '\u007F' && c != '。' && char.IsLetterOrDigit(c)))
                at++;
            else if (c == '。' && at + 1 < text.Length && IsAsciiHostChar(text[at + 1]))
                at++;
            else
                break;
        }

        return at;
    }

    /// <summary>The rest of a link after its host: port, path, query, in the ASCII characters URLs are written in.</summary>
    private static int PathEnd(string text, int at)
    {
        if (at >= text.Length || text[at] is not (':' or '/' or '?' or '#'))
            return at;

        while (at < text.Length && text[at] is > ' ' and < '\u007F' && text[at] is not ('"' or '\'' or '<' or '>' or '`'))
            at++;
        return at;
    }

    private static bool IsAsciiHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.';
}
