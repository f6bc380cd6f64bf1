namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Reduces a post link to what identifies the post, so a repost that links to the head post matches however the
/// link was copied: from a share button (tracking parameters), over http or https, with or without a fragment or a
/// trailing slash. Path and remaining query values keep their case: CMS paths can be case-sensitive.
/// </summary>
public static class PostLink
{
    // Parameters that say how a link was shared, never which post it is. utm_* and sharer_* are prefixes.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "spm", "from", "share_token", "share_source", "share_medium", "share_from", "shareid",
        "isappinstalled", "scene", "srcid", "chksm", "clicktime", "enterid", "wfr", "exportkey",
        "pass_ticket", "sessionid", "ascene", "devicetype", "version", "nettype", "lang", "key", "subscene",
        "timestamp", "ts", "f", "vd_source", "fbclid", "gclid", "mpshare", "sourcetype",
    };

    private static readonly string[] TrackingPrefixes = ["utm_", "sharer_"];

    /// <summary>The comparable form of <paramref name="link"/>, or null when it is not an absolute http(s) URL.</summary>
    public static string? Normalise(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri))
            return null;
        return Normalise(uri);
    }

    public static string? Normalise(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return null;

        // The scheme is left out on purpose: county sites serve the same page on both, and posts copy either.
        var port = uri.IsDefaultPort || uri.Port == 80 || uri.Port == 443 ? "" : $":{uri.Port}";
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = string.Join('&', uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal));
        return $"{uri.IdnHost.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    private static bool IsTracking(string name) =>
        TrackingParameters.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
