using System.Globalization;

namespace MediaMatrix.Web;

/// <summary>
/// How the host says "not now" or "not this" outside an endpoint (store outage, rate limit, body too large): a problem
/// body (RFC 7807, <c>application/problem+json</c>) for the API and for scripts, a short page in both languages for a
/// browser, with <c>Retry-After</c> when waiting helps. Never an empty body, never a stack trace.
/// </summary>
internal static class RefusalPage
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, (string Zh, string En) page, TimeSpan? retryAfter = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (WantsPage(context.Request))
        {
            var lang = Lang.Of(context);
            // Both languages on purpose (the second with its own lang): a refusal may reach someone before they chose one.
            await PageResults.Problem(context, lang, title, lang.English ? page.En : page.Zh, status,
                heading: status.ToString(CultureInfo.InvariantCulture), other: lang.English ? page.Zh : page.En).ExecuteAsync(context);
            return;
        }

        await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }

    /// <summary>A browser asking for a page; the API and anything that did not ask for HTML get the problem body.</summary>
    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
