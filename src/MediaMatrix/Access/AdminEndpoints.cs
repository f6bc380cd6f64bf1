using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Access;

/// <summary>Admin-only API: issue and revoke tokens, change a password, disable a user.</summary>
internal static class AdminEndpoints
{
    /// <summary>Long enough for any passphrase; each one is hashed with PBKDF2, so a megabyte "password" is work for nothing.</summary>
    private const int MaxPasswordLength = 256;

    public static WebApplication MapAdmin(this WebApplication app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Roles.Administer);
        admin.MapGet("/tokens", (ApiTokens tokens) => Results.Json(tokens.All.Select(t => new { t.Id, t.Name, t.User, t.CreatedAt })));
        admin.MapPost("/tokens", (TokenRequest request, ApiTokens tokens, UserDirectory users) =>
        {
            if (string.IsNullOrWhiteSpace(request.User) || users.Find(request.User) is null)
            {
                return Problems.BadField("user", "no such user");
            }

            var name = request.Name?.Trim() ?? "";
            if (ApiTokens.NameProblem(name) is { } problem)
            {
                return Problems.BadField("name", problem);
            }

            var (token, secret) = tokens.Issue(request.User, name);
            // The only time the token text leaves the process.
            return Results.Json(new { token.Id, token.Name, token.User, token.CreatedAt, Token = secret }, statusCode: 201);
        });
        admin.MapDelete("/tokens/{id}", (string id, ApiTokens tokens) => tokens.Revoke(id) ? Results.NoContent() : Results.NotFound());
        admin.MapPost("/users/{name}/password", async (string name, PasswordRequest request, UserDirectory users, CancellationToken ct) =>
            string.IsNullOrEmpty(request.Password) || request.Password.Length is < 8 or > MaxPasswordLength ? Problems.BadField("password", $"8 to {MaxPasswordLength} characters")
            : await users.SetPasswordAsync(name, request.Password, ct) ? Results.NoContent() : Results.NotFound());
        // Poll now: the account goes to the front of the due index; the next dispatch (seconds) reads it.
        admin.MapPost("/accounts/{id}/poll-now", async (string id, MediaMatrix.Web.MatrixView view, IPostStore posts, CancellationToken ct) =>
        {
            if (view.Account(id) is null)
            {
                return Results.NotFound();
            }

            await posts.SetNextDueAsync(id, view.Now, ct);
            return Results.Accepted();
        });
        admin.MapPost("/users/{name}/disable", async (string name, UserDirectory users, CancellationToken ct) =>
            await users.DisableAsync(name, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    internal sealed record TokenRequest(string? User, string? Name);

    internal sealed record PasswordRequest(string? Password);
}

/// <summary>RFC 7807 answers for bad input: which field, and why.</summary>
internal static class Problems
{
    public static IResult BadField(string field, string reason) => Results.Problem(
        statusCode: 400, title: "Invalid input", detail: $"{field}: {reason}",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });

    /// <summary>From the "field: reason" messages the input readers return.</summary>
    public static IResult BadInput(string error)
    {
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? BadField("input", error) : BadField(error[..colon], error[(colon + 1)..].Trim());
    }
}
