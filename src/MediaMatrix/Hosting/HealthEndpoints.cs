using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>/healthz (the process is up) and /metrics; both stay reachable without login.</summary>
internal static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapMetrics("/metrics");
        return app;
    }
}
