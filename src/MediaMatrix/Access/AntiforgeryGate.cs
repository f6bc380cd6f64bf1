using Microsoft.AspNetCore.Antiforgery;

namespace MediaMatrix.Access;

/// <summary>
/// Every unsafe request that a browser could send on its own (a cookie-authenticated or anonymous form post) must carry
/// this session's antiforgery token, else 400 (reliability A2). Bearer-token calls carry no ambient credential and skip it.
/// Runs after authorization, so an anonymous or under-privileged caller still gets its 401/403.
/// </summary>
internal static class AntiforgeryGate
{
    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || context.User.Identity?.AuthenticationType == BearerTokenHandler.SchemeName)
        {
            await next();
            return;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(statusCode: 400, title: "Antiforgery token missing or invalid",
                detail: "Reload the page and submit the form again.").ExecuteAsync(context);
            return;
        }

        await next();
    }
}
