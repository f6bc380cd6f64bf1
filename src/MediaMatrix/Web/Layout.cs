using Microsoft.AspNetCore.Antiforgery;

namespace MediaMatrix.Web;

/// <summary>For pages whose body is still encoded text: the same frame as the Razor pages (Pages/Frame.razor).</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, Lang lang, string title, string body, int status = 200) =>
        PageResults.Legacy(context, lang, title, body, status);

    /// <summary>The hidden antiforgery field every form carries (reliability A2).</summary>
    public static string Token(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html.E(tokens.FormFieldName)}" value="{Html.E(tokens.RequestToken)}">""";
    }
}
