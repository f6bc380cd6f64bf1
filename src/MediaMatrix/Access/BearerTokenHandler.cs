using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MediaMatrix.Access;

/// <summary><c>Authorization: Bearer mmt_…</c>: the token's owner, with the owner's current role; a disabled owner's tokens stop working.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens, UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = tokens.Find(header["Bearer ".Length..].Trim());
        if (token is null || users.Find(token.User) is not { Disabled: false } user)
        {
            // Says nothing about the token: it must never reach a log line (reliability A6).
            return Task.FromResult(AuthenticateResult.Fail("invalid or revoked token"));
        }

        var principal = Principals.For(user, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

internal static class Principals
{
    /// <summary>The cookie session's id, checked against the session store on every request (docs/access.md).</summary>
    public const string SessionClaim = "mm:session";

    public static ClaimsPrincipal For(User user, string scheme, string? sessionId = null)
    {
        List<Claim> claims = [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, Roles.Name(user.Role))];
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
