namespace MediaMatrix.Access;

/// <summary>The <c>Auth</c> settings section: who may log in, the API tokens kept in config, the proxies whose
/// X-Forwarded-For we believe, and how hard we push back on password guessing. Documented in docs/access.md.</summary>
internal sealed class AuthOptions
{
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>Bootstraps user <c>admin</c> when no admin is configured (Grafana's way: <c>Auth__AdminPassword</c>).</summary>
    public string? AdminPassword { get; set; }

    public List<ConfiguredToken> Tokens { get; set; } = [];

    /// <summary>Addresses of reverse proxies allowed to set X-Forwarded-For/-Proto (reliability A7). Empty: trust nobody.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Login attempts accepted per client address per minute; more get 429 (reliability A3).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;

    /// <summary>Failed passwords in a row that lock an account for <see cref="LockoutDuration"/>.</summary>
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>One person. <see cref="PasswordHash"/> is ASP.NET Core Identity's PasswordHasher format (print one with
/// <c>echo PASSWORD | mediamatrix hash-password</c>); <see cref="Role"/> is viewer, operator or admin.</summary>
internal sealed class ConfiguredUser
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "viewer";

    public string PasswordHash { get; set; } = "";

    public bool Disabled { get; set; }
}

/// <summary>An API token for automation, kept as the SHA-256 of the token (hex), never the token itself.</summary>
internal sealed class ConfiguredToken
{
    public string Name { get; set; } = "";

    public string User { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
