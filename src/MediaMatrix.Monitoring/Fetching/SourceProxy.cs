using System.Net;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// The <c>Fetch:Proxy</c> setting: one explicit egress proxy for every source. The proxy itself is
/// not held to the private-address rules (a county's egress proxy normally sits on a private
/// address, and the operator named it); the targets reached through it are, by
/// <see cref="ProxiedTargetGate"/>.
/// </summary>
public static class SourceProxy
{
    // Every scheme SocketsHttpHandler can speak to a proxy (https since .NET 8, socks since .NET 6).
    private static readonly string[] Schemes = ["http", "https", "socks4", "socks4a", "socks5"];

    /// <summary>The problem with <paramref name="text"/> as a proxy, or null when it is usable or empty (no proxy).</summary>
    /// <remarks>A value is shown with its user and password replaced by <c>***</c>: settings errors end up in logs.</remarks>
    public static string? Check(string? text, out Uri? proxy)
    {
        proxy = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return $"'{Shown(text)}' has leading or trailing spaces";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || !Schemes.Contains(parsed.Scheme) || parsed.IsFile)
        {
            return $"'{Shown(text)}' is not a proxy URL; use {string.Join(", ", Schemes)} with a host and port, e.g. http://proxy.example.gov.cn:3128";
        }

        if (parsed.Host.Length == 0)
        {
            return $"'{Shown(text)}' has no host";
        }

        if (parsed.AbsolutePath != "/" || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            return $"'{Shown(text)}' has a path, query or fragment; a proxy is only scheme://host:port";
        }

        proxy = parsed;
        return null;
    }

    /// <summary>The proxy for the handler: no bypass list, so every source goes through it; credentials from the URL's user info.</summary>
    internal static IWebProxy Create(Uri proxy)
    {
        var address = new Uri(proxy.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));
        var web = new WebProxy(address, BypassOnLocal: false);
        if (proxy.UserInfo.Length > 0)
        {
            var parts = proxy.UserInfo.Split(':', 2);
            web.Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }

        return web;
    }

    private static string Shown(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var at = text.LastIndexOf('@');
        return start >= 0 && at > start ? string.Concat(text.AsSpan(0, start + 3), "***", text.AsSpan(at)) : text;
    }
}
