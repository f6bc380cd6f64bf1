using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Turns a response body into text. Order: a byte-order mark; the Content-Type charset; a
/// <c>&lt;meta&gt;</c> charset or XML prolog near the top; otherwise UTF-8 when the bytes are valid
/// UTF-8, else GB18030. A declared GB charset loses to bytes that are valid non-ASCII UTF-8, and a
/// header's UTF-8 loses to the page's own non-UTF-8 declaration when the bytes are not UTF-8.
/// Never throws: invalid bytes become U+FFFD.
/// </summary>
public static partial class BodyDecoder
{
    // The HTML spec sniffs 1024 bytes; CMS pages put long comments and scripts before the meta
    // tag, so look a little further. Reading it as Latin-1 is a copy, not a decode.
    private const int SniffLength = 4096;

    static BodyDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""'](?<name>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();

    public static string Decode(ReadOnlySpan<byte> body, string? contentType) =>
        DecodeWithEncoding(body, contentType).Text;

    /// <summary>The decoded text and the name of the encoding chosen (for diagnostics and tests).</summary>
    public static (string Text, string EncodingName) DecodeWithEncoding(ReadOnlySpan<byte> body, string? contentType)
    {
        var (encoding, skip) = EncodingOf(body, contentType);
        return (encoding.GetString(body[skip..]), encoding.WebName);
    }

    /// <summary>
    /// The same text as <see cref="Decode"/>, in a buffer from the shared pool rather than a string: a 100 KB page is a
    /// 200 KB string, a large-object-heap allocation every poll, which is what drives gen-2 collections under load.
    /// Dispose the result to give the buffer back; nothing read from it may outlive that.
    /// </summary>
    public static DecodedBody DecodePooled(ReadOnlySpan<byte> body, string? contentType)
    {
        var (encoding, skip) = EncodingOf(body, contentType);
        var bytes = body[skip..];
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        return new DecodedBody(buffer, encoding.GetChars(bytes, buffer));
    }

    /// <summary>The encoding the rules above choose, and the length of the byte-order mark to skip.</summary>
    private static (Encoding Encoding, int Skip) EncodingOf(ReadOnlySpan<byte> body, string? contentType)
    {
        if (TryBom(body, out var bomEncoding, out var bomLength))
        {
            return (bomEncoding, bomLength);
        }

        var fromHeader = FromContentType(contentType);
        var declared = fromHeader ?? FromDocument(body);
        // Servers often send a blanket "charset=utf-8" for GBK pages that declare gbk themselves;
        // when the bytes are not UTF-8, the page's own declaration is the better witness.
        if (fromHeader is { CodePage: 65001 } && !Utf8.IsValid(body) && FromDocument(body) is { } fromPage && fromPage.CodePage != 65001)
        {
            declared = fromPage;
        }

        return (Choose(declared, body), 0);
    }

    private static Encoding Choose(Encoding? declared, ReadOnlySpan<byte> body)
    {
        if (declared is null)
        {
            return Utf8.IsValid(body) ? Encoding.UTF8 : Gb18030;
        }
        // A browser saving a page transcodes it to UTF-8 but keeps <meta charset=gb2312>; real GBK
        // Chinese text is almost never also valid UTF-8, so valid multi-byte UTF-8 wins.
        if (declared.CodePage == Gb18030.CodePage && !System.Text.Ascii.IsValid(body) && Utf8.IsValid(body))
        {
            return Encoding.UTF8;
        }
        return declared;
    }

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    private static bool TryBom(ReadOnlySpan<byte> body, out Encoding encoding, out int length)
    {
        (encoding, length) = body switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding)Encoding.UTF8, 0),
        };
        return length > 0;
    }

    private static Encoding? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }
        var match = CharsetParameter().Match(contentType);
        return match.Success ? Resolve(match.Groups["name"].Value) : null;
    }

    private static Encoding? FromDocument(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, SniffLength)]);
        var match = XmlEncoding().Match(head);
        if (!match.Success)
        {
            match = MetaCharset().Match(head);
        }
        if (!match.Success)
        {
            return null;
        }
        // A UTF-16 page could not have been read as ASCII to find its own meta tag, so the
        // declaration is wrong; the HTML spec reads such pages as UTF-8 too.
        var name = match.Groups["name"].Value;
        return name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : Resolve(name);
    }

    private static Encoding? Resolve(string name)
    {
        switch (name.ToUpperInvariant())
        {
            // GB18030 is a superset of both; sites that say gb2312 routinely send GBK characters.
            case "GB2312" or "GBK" or "X-GBK" or "GB_2312-80" or "CP936" or "GB18030":
                return Gb18030;
            // What Encoding.GetEncoding("utf-8") returns, without the registry lookup on every poll.
            case "UTF-8":
                return Encoding.UTF8;
            default:
                try
                {
                    return Encoding.GetEncoding(name);
                }
                catch (ArgumentException)
                {
                    return null;
                }
        }
    }
}
