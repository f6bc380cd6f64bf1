using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;

namespace MediaMatrix.Web;

/// <summary>
/// Every 429 from the host's rate limiters (the login limit per address, <see cref="Access.AccessControl.LoginLimit"/>)
/// says when to come back: <c>Retry-After</c> from the limiter's own lease, and a page or problem body saying why.
/// Set on the options rather than in the limiter's registration, so it holds for any limiter added later.
/// </summary>
internal static class RateLimitRefusal
{
    /// <summary>The login limit's window; used if a limiter gives no figure of its own.</summary>
    private static readonly TimeSpan Fallback = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddRetryAfterOnRejection(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(o => o.OnRejected = (rejected, _) =>
        {
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : Fallback;
            return new ValueTask(RefusalPage.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"Too many attempts from this address; try again in {Math.Ceiling(wait.TotalSeconds)} s.",
                ("尝试次数过多，请稍后再试。", "Too many attempts from this address; please wait and try again."), wait));
        });
}
