using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace MediaMatrix.Web;

/// <summary>
/// Request body limits per endpoint (issue 16): every operator input is a few fields, so a body is refused with 413 and a
/// problem body before it is read when its Content-Length says it is too large, and Kestrel stops reading one sent
/// without a length at the same size. Kestrel's own default (30 MB) let a 26 MB task through to the store.
/// </summary>
internal static class BodyLimits
{
    /// <summary>Every form and JSON body: a task, a decision, an alert note, a token request, a login form.</summary>
    public const long Default = 64 * 1024;

    /// <summary>The alerts page's bulk form: one id per selected alert (the form reader takes at most 1,024 fields).</summary>
    public const long BulkForm = 256 * 1024;

    public static TBuilder LimitBody<TBuilder>(this TBuilder endpoint, long bytes)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(new BodyLimit(bytes));

    /// <summary>After routing (the limit is the endpoint's) and before authentication: a body this size is refused whoever sends it.</summary>
    public static WebApplication UseBodyLimits(this WebApplication app)
    {
        app.Use(ApplyAsync);
        return app;
    }

    private static async Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? Default;
        // Also when refusing: Kestrel then closes the connection rather than draining the rest of a body this size.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.Headers.Connection = "close";
            await TooLargeAsync(context, length, limit);
            return;
        }

        await next(context);
        // A body sent without a length fails while it is read; the JSON binder then answers 413 with no body of its own.
        if (context.Response is { StatusCode: StatusCodes.Status413PayloadTooLarge, HasStarted: false })
        {
            await TooLargeAsync(context, null, limit);
        }
    }

    public static Task TooLargeAsync(HttpContext context, long? length, long limit) => RefusalPage.WriteAsync(
        context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"body: {(length is { } n ? $"{n.ToString("N0", CultureInfo.InvariantCulture)} bytes" : "longer than allowed")}; this endpoint takes at most {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes",
        ($"提交的内容过大（上限 {limit / 1024} KB）。", $"The request is too large (at most {limit / 1024} KB)."));

    private sealed record BodyLimit(long Bytes);
}
