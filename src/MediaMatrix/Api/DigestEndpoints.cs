using MediaMatrix.Access;
using MediaMatrix.Digest;

namespace MediaMatrix.Api;

/// <summary>
/// <c>POST /api/v1/admin/digest/send</c> (admin only): this ISO week's digest now. The same idempotent path as the
/// weekly job and <c>digest --send-now</c> (<see cref="WeeklyDigest.SendAsync"/>): recipients already settled this
/// week are skipped, so a second call, or one on every replica, sends nobody anything twice (reliability E1).
/// </summary>
internal static class DigestEndpoints
{
    public static RouteGroupBuilder MapDigest(this RouteGroupBuilder api)
    {
        // Not the request's abort token: a client that hangs up must not cut a delivery off between the SMTP hand-over
        // and its record. Only the host stopping ends the run, as Ctrl+C ends digest --send-now.
        api.MapPost("/admin/digest/send", async (WeeklyDigest digest, IHostApplicationLifetime lifetime) =>
            Results.Json(await digest.SendAsync(lifetime.ApplicationStopping)))
            .RequireAuthorization(Roles.Administer);
        return api;
    }
}
