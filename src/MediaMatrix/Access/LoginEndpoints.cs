using System.Security.Cryptography;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web;
using MediaMatrix.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaMatrix.Access;

/// <summary>The login form, logging in (rate-limited per address, locked per account) and logging out. A login starts a
/// session in the session store and the cookie names it; logout ends it there, so a copy of the cookie is refused
/// from the next request on, on every replica.</summary>
internal static class LoginEndpoints
{
    public static WebApplication MapLogin(this WebApplication app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => Form(context, Lang.Of(context), returnUrl, null, 200)).AllowAnonymous();
        app.MapPost("/login", LogInAsync).AllowAnonymous().RequireRateLimiting(AccessControl.LoginLimit);
        app.MapPost("/logout", async (HttpContext context, ISessionStore sessions) =>
        {
            if (context.User.Identity?.Name is { } name && context.User.FindFirst(Principals.SessionClaim)?.Value is { } session)
            {
                // Not the request's abort token: a client hanging up must not leave the session alive.
                await sessions.EndAsync(name, session, CancellationToken.None);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
        return app;
    }

    private static async Task<IResult> LogInAsync(HttpContext context, UserDirectory users, ISessionStore sessions)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["username"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        var lang = Lang.Of(context);
        switch (users.SignIn(name, form["password"].ToString()))
        {
            case LoginOutcome.Success:
                var user = users.Find(name)!;
                var session = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                await sessions.StartAsync(user.Name, session, Sessions.Lifetime, CancellationToken.None);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principals.For(user, CookieAuthenticationDefaults.AuthenticationScheme, session));
                return Results.Redirect(LocalReturnUrl.Or(returnUrl));
            case LoginOutcome.Locked:
                return Form(context, lang, returnUrl, "尝试次数过多，账号已暂时锁定，请稍后再试。", StatusCodes.Status423Locked);
            default:
                return Form(context, lang, returnUrl, "用户名或密码错误。", StatusCodes.Status401Unauthorized);
        }
    }

    private static RazorComponentResult<Login> Form(HttpContext context, Lang lang, string? returnUrl, string? errorKey, int status) =>
        PageResults.Render<Login>(context, lang, new() { ["ReturnUrl"] = LocalReturnUrl.Or(returnUrl), ["ErrorKey"] = errorKey }, status);
}
