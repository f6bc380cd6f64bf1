using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;

namespace MediaMatrix.Web;

/// <summary>
/// The pages' language, the ASP.NET Core way: <c>AddLocalization</c> with resources (Web/Resources), and the request
/// culture chosen as before (<c>?lang=en|zh</c>, remembered in the <c>mm_lang</c> cookie, zh-CN by default), so
/// <c>IStringLocalizer</c> and <see cref="Lang"/> agree on every request. Pages are Razor components rendered on the
/// server only (no interactivity, no blazor.web.js: the CSP forbids inline script).
/// </summary>
internal static class Localization
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddPageLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorComponents();
        // Markup characters encoded, Chinese left as itself (the default encoder turns every CJK character into an entity).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = o.SupportedUICultures = [Chinese, English];
            o.RequestCultureProviders = [new LangCultureProvider()];
        });
        return services;
    }

    /// <summary>Before the exception handler and the rate limiter, so their refusal pages speak the asked language too.</summary>
    public static IApplicationBuilder UsePageCulture(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The query's <c>lang</c>, else the cookie, else nothing (the default, zh-CN). <see cref="Lang.Of"/> stores the choice.</summary>
    private sealed class LangCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var asked = httpContext.Request.Query["lang"].ToString();
            var code = asked is "en" or "zh" ? asked : httpContext.Request.Cookies[Lang.Cookie];
            return Task.FromResult<ProviderCultureResult?>(code switch
            {
                "en" => new ProviderCultureResult(English.Name),
                "zh" => new ProviderCultureResult(Chinese.Name),
                _ => null,
            });
        }
    }
}
