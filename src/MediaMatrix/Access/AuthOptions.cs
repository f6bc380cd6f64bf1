using System.Net;
using MediaMatrix.Monitoring;

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

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public AuthOptions Validate()
    {
        for (var i = 0; i < Users.Count; i++)
        {
            SettingRules.NotEmpty(Users[i].Name, $"Auth:Users:{i}:Name");
            SettingRules.Check(Roles.TryParse(Users[i].Role, out _), $"Auth:Users:{i}:Role", Users[i].Role, "is not a role; use viewer, operator or admin");
        }

        for (var i = 0; i < Tokens.Count; i++)
        {
            SettingRules.NotEmpty(Tokens[i].Name, $"Auth:Tokens:{i}:Name");
            SettingRules.NotEmpty(Tokens[i].User, $"Auth:Tokens:{i}:User");
            SettingRules.Check(Tokens[i].Sha256.Length == 64 && Tokens[i].Sha256.All(char.IsAsciiHexDigit), $"Auth:Tokens:{i}:Sha256", Tokens[i].Sha256,
                "is not a SHA-256 in hex (64 characters 0-9, a-f)");
        }

        for (var i = 0; i < TrustedProxies.Count; i++)
            SettingRules.Check(IPAddress.TryParse(TrustedProxies[i], out _), $"Auth:TrustedProxies:{i}", TrustedProxies[i], "is not an IP address");

        SettingRules.Within(LoginAttemptsPerMinute, 1, 100_000, "Auth:LoginAttemptsPerMinute");
        SettingRules.Within(LockoutFailures, 1, 1000, "Auth:LockoutFailures");
        SettingRules.Positive(LockoutDuration, "Auth:LockoutDuration");
        return this;
    }
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
