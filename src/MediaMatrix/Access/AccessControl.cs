using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using MediaMatrix.Monitoring.Storage;
using Microsoft.AspNetCore.HttpOverrides;

namespace MediaMatrix.Access;

/// <summary>
/// Who may do what: cookie login for people, bearer tokens for automation, roles as policies, everything closed by
/// default except <see cref="AnonymousPaths"/>. Wired here so the host only says AddAccessControl / UseAccessControl.
/// </summary>
internal static class AccessControl
{
    public const string LoginLimit = "login";
    private const string Smart = "cookie-or-bearer";

    /// <summary>Reachable without login: the login form, health, metrics and the static assets the login page needs.</summary>
    public static readonly string[] AnonymousPaths = ["/login", "/healthz", "/readyz", "/metrics", "/static/"];

    public static IServiceCollection AddAccessControl(this IServiceCollection services, IConfiguration settings)
    {
        var options = Hosting.SettingsSection.Read<AuthOptions>(settings, "Auth", o => o.Validate());
        services.AddSingleton(options);
        services.AddSessionStore(settings);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ApiTokens>();

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Operate, p => p.RequireRole(Roles.Name(Role.Operator), Roles.Name(Role.Admin)))
            .AddPolicy(Roles.Administer, p => p.RequireRole(Roles.Name(Role.Admin)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext h && IsAnonymousPath(h.Request.Path)))
                .Build());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mm_af";
            o.FormFieldName = "__csrf";
            o.HeaderName = "X-CSRF-Token";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; we trust exactly the configured proxies and nobody else (reliability A7).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    public static WebApplication UseAccessControl(this WebApplication app)
    {
        // With no proxy configured the middleware would believe every sender, so it is only added when there are proxies to trust.
        if (app.Services.GetRequiredService<AuthOptions>().TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(AntiforgeryGate.Apply);
        return app;
    }

    public static bool IsAnonymousPath(PathString path) =>
        AnonymousPaths.Any(p => p.EndsWith('/') ? path.StartsWithSegments(p.TrimEnd('/')) : path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "mm_auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = "/login";
        o.ReturnUrlParameter = "returnUrl";
        o.ExpireTimeSpan = Sessions.Lifetime;
        o.SlidingExpiration = true;
        o.Events = new CookieAuthenticationEvents
        {
            // The API answers with status codes; only pages redirect to the login form.
            OnRedirectToLogin = c => Deny(c, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
            // Checked on every request against the session store, with no cache: a logout, a changed password or a disabled
            // user ends the session on the next request it makes, on whichever replica (reliability A5, H5).
            OnValidatePrincipal = async c =>
            {
                var users = c.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
                var sessions = c.HttpContext.RequestServices.GetRequiredService<ISessionStore>();
                var name = c.Principal?.Identity?.Name;
                var session = c.Principal?.FindFirst(Principals.SessionClaim)?.Value;
                if (name is null || session is null || !users.IsEnabled(name) || !await sessions.IsLiveAsync(name, session, c.HttpContext.RequestAborted))
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            },
            // The record's TTL follows the cookie's: when the cookie slides, so does its session.
            OnCheckSlidingExpiration = async c =>
            {
                if (c.ShouldRenew && c.Principal?.Identity?.Name is { } name && c.Principal.FindFirst(Principals.SessionClaim)?.Value is { } session)
                {
                    var sessions = c.HttpContext.RequestServices.GetRequiredService<ISessionStore>();
                    await sessions.RenewAsync(name, session, c.Options.ExpireTimeSpan, c.HttpContext.RequestAborted);
                }
            },
        };
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api") || !HttpMethods.IsGet(c.Request.Method))
        {
            c.Response.StatusCode = status;
        }
        else
        {
            c.Response.Redirect(c.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
