using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MediaMatrix.Web;

/// <summary>
/// The only ways scraped or configured text reaches a page: encoded as text, or as a link that is http(s) or '#'.
/// Scraped text is hostile (reliability X1): a title may be a script tag, a link may be <c>javascript:</c>.
/// </summary>
internal static class Html
{
    // Encodes markup characters but leaves Chinese as itself (the default encoder turns every CJK character into an entity).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>An attribute-safe href: the URL if it is absolute http(s), else '#'.</summary>
    public static string Href(string? url) => Encoder.Encode(SafeUrl(url));

    /// <summary>The URL if it is absolute http(s), else '#', NOT encoded: for a Razor attribute, which encodes it.</summary>
    public static string SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : "#";

    /// <summary>A link inside this site, built from our own path segments (each one encoded).</summary>
    public static string Local(string path, params string[] segments) =>
        Encoder.Encode(path + string.Concat(segments.Select(s => "/" + Uri.EscapeDataString(s))));

    public static string Num(double? value, string format = "0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

}
