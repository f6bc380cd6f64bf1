using MediaMatrix.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MediaMatrix.Access;

/// <summary>The login form, logging in (rate-limited per address, locked per account) and logging out.</summary>
internal static class LoginEndpoints
{
    public static WebApplication MapLogin(this WebApplication app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => Form(context, Lang.Of(context), returnUrl, null, 200)).AllowAnonymous();
        app.MapPost("/login", LogInAsync).AllowAnonymous().RequireRateLimiting(AccessControl.LoginLimit);
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
        return app;
    }

    private static async Task<IResult> LogInAsync(HttpContext context, UserDirectory users)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["username"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        var lang = Lang.Of(context);
        switch (users.SignIn(name, form["password"].ToString()))
        {
            case LoginOutcome.Success:
                var user = users.Find(name)!;
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principals.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
                return Results.Redirect(LocalReturnUrl.Or(returnUrl));
            case LoginOutcome.Locked:
                return Form(context, lang, returnUrl, lang.T("尝试次数过多，账号已暂时锁定，请稍后再试。", "Too many failed attempts: the account is locked for a while."), StatusCodes.Status423Locked);
            default:
                return Form(context, lang, returnUrl, lang.T("用户名或密码错误。", "Wrong user name or password."), StatusCodes.Status401Unauthorized);
        }
    }

    private static IResult Form(HttpContext context, Lang lang, string? returnUrl, string? error, int status)
    {
        var body = $"""
            <div class="box"><h1>{lang.T("登录", "Log in")}</h1>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
            <form method="post" action="/login">{Layout.Token(context)}
            <input type="hidden" name="returnUrl" value="{Html.E(LocalReturnUrl.Or(returnUrl))}">
            <p><label>{lang.T("用户名", "User name")} <input name="username" autocomplete="username" required></label></p>
            <p><label>{lang.T("密码", "Password")} <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">{lang.T("登录", "Log in")}</button></p></form></div>
            """;
        return Layout.Page(context, lang, lang.T("登录", "Log in"), body, status);
    }
}
