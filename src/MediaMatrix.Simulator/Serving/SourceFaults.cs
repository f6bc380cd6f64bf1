using MediaMatrix.Simulator.Cast;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.Simulator.Serving;

/// <summary>The behaviours that fail a source request before any content is rendered.</summary>
internal static class SourceFaults
{
    /// <summary>Writes the failure and returns true when this request must fail.</summary>
    public static async Task<bool> TryFailAsync(HttpContext context, SimulatedAccount account, int requestNumber)
    {
        switch (account.Behaviour)
        {
            case AccountBehaviour.Down:
            case AccountBehaviour.Flaky when requestNumber % 3 == 0:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("503 Service Unavailable: 服务暂时不可用，请稍后再试。\n", context.RequestAborted);
                return true;
            case AccountBehaviour.RateLimited:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "3600";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("429 Too Many Requests: 访问过于频繁。\n", context.RequestAborted);
                return true;
            default:
                return false;
        }
    }
}
