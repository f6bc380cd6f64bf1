using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using StackExchange.Redis;

namespace MediaMatrix.Web;

/// <summary>
/// Turns failures that are not the program's fault into the answer that says so, for every page and API route at once:
/// the store being away (reliability R3; the same exceptions /readyz counts as "redis unreachable") is 503 with
/// <c>Retry-After</c>, never a 500; a request body that breaks a limit while it is read is 413 or 400. Anything else is
/// left to the default handler (500 with a problem body).
/// </summary>
internal sealed partial class StoreOutageHandler(ILogger<StoreOutageHandler> log) : IExceptionHandler
{
    /// <summary>The client reconnects in the background every few seconds; /readyz answers in the meantime.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StoreUnavailable(exception) is { } outage)
        {
            LogStoreUnavailable(log, context.Request.Method, context.Request.Path, outage.GetType().Name, outage.Message);
            await RefusalPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Store unavailable",
                "The store (Redis) does not answer; nothing was changed. Try again shortly; /readyz says when it is back.",
                ("数据存储暂时无法访问，本次操作未生效。请稍后重试。", "The data store is unavailable right now; nothing was changed. Please try again shortly."),
                RetryAfter);
            return true;
        }

        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await BodyLimits.TooLargeAsync(context, null, context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? BodyLimits.Default);
                return true;
            case BadHttpRequestException bad:
                await Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: "body: the request body could not be read").ExecuteAsync(context);
                return true;
            // The form reader's own limits (1,024 fields, 4 MB a value) throw this rather than answering.
            case InvalidDataException when context.Request.HasFormContentType:
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid input", detail: "form: too many fields or a field too long").ExecuteAsync(context);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The exception, or the one inside it, that says the store cannot be reached now.</summary>
    public static Exception? StoreUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException or RedisTimeoutException
                || (e is RedisServerException && e.Message.StartsWith("LOADING", StringComparison.Ordinal)))
            {
                return e;
            }

            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(StoreUnavailable).FirstOrDefault(x => x is not null);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: store unavailable ({Exception}: {Reason}); answered 503")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, string path, string exception, string reason);
}
