namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// A source URL must be an absolute http(s) URL. Anything else (file:, ftp:, gopher:, data:,
/// javascript:, in any letter case) would let a config edit read local files or internal services.
/// </summary>
internal static class SourceUrlRule
{
    /// <summary>The problem with <paramref name="text"/>, or null when <paramref name="url"/> is usable.</summary>
    public static string? Check(string text, bool allowPrivateNetworks, out Uri? url)
    {
        url = null;

        // Uri.TryCreate quietly trims, so " file:///etc/passwd" would otherwise be judged on what it is not.
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            return "the URL has leading or trailing spaces";

        // On Linux "/var/x" parses as an absolute file: URI, so a path is told apart from a real file: URL.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || (parsed.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
            return $"{ConfigText.Quote(text)} is not an absolute http or https URL";

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            return $"scheme {ConfigText.Quote(parsed.Scheme)} is not allowed; use an absolute http or https URL";

        if (parsed.Host.Length == 0)
            return $"{ConfigText.Quote(text)} has no host";

        if (!allowPrivateNetworks && PrivateNetwork.IsPrivateHost(parsed.IdnHost))
            return $"{parsed.IdnHost} is a private address; set matrix.allowPrivateNetworks: true to allow it";

        url = parsed;
        return null;
    }
}
