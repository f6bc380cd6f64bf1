namespace MediaMatrix.Access;

/// <summary>Where to go after login: only a path on this site, never <c>//evil.example</c> or <c>https://evil.example</c> (reliability A8).</summary>
internal static class LocalReturnUrl
{
    public static string Or(string? returnUrl, string fallback = "/") => IsLocal(returnUrl) ? returnUrl! : fallback;

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
