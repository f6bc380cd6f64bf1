using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>/healthz (the process is up), /readyz (it can work: store and, clustered, PostgreSQL answer) and /metrics;
/// all stay reachable without login.</summary>
internal static class HealthEndpoints
{
    public const string MetricsPath = "/metrics";

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (Readiness readiness, CancellationToken cancellationToken) =>
        {
            var report = await readiness.CheckAsync(cancellationToken);
            var body = (report.Ready ? "ready\n" : "not ready\n") + string.Join('\n', report.Lines) + "\n";
            return Results.Text(body, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapMetrics(MetricsPath);
        return app;
    }
}
