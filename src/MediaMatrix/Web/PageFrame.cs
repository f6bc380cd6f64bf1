using MediaMatrix.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using MediaMatrix.Web.Pages;

namespace MediaMatrix.Web;

/// <summary>What the frame around every page shows (who is logged in, the rule pack, the zone) and what every form
/// carries (the antiforgery field, reliability A2), read from the request before the page renders.</summary>
public sealed record PageFrame(Lang Lang, string? UserName, string? RoleKey, string CsrfName, string CsrfToken, string? Pack, DateTimeOffset Now)
{
    internal static PageFrame Of(HttpContext context, Lang lang)
    {
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var pack = context.RequestServices.GetService<Monitoring.Assessment.AssessmentOptions>()?.Pack;
        var now = context.RequestServices.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UnixEpoch;
        return new PageFrame(
            lang,
            signedIn ? user.Identity!.Name : null,
            !signedIn ? null : user.IsInRole("admin") ? "管理员" : user.CanOperate() ? "操作员" : "查看者",
            tokens.FormFieldName,
            tokens.RequestToken ?? "",
            pack is null ? null : $"{(lang.English ? pack.TitleEn : pack.Title)} ({pack.Label})",
            now);
    }
}

/// <summary>Renders a page component inside the frame: the component gets <c>Frame</c> and the given parameters.</summary>
internal static class PageResults
{
    public static RazorComponentResult<TPage> Render<TPage>(HttpContext context, Lang lang, Dictionary<string, object?> parameters, int status = 200)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        parameters["Frame"] = PageFrame.Of(context, lang);
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };
    }

    /// <summary>The pages' strings (Chinese text as key, English in Resources), for an endpoint that names a page or a refusal.</summary>
    public static Microsoft.Extensions.Localization.IStringLocalizer Strings(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource>>();

    /// <summary>A refusal page (Pages/Problem.razor): the reason, and where to go back to.</summary>
    public static IResult Problem(HttpContext context, Lang lang, string title, string message, int status,
        string? heading = null, string? back = null, string? other = null) =>
        Render<Problem>(context, lang, new() { ["Title"] = title, ["Message"] = message, ["Heading"] = heading, ["Back"] = back, ["Other"] = other }, status);
}
