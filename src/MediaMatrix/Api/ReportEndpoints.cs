using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Reports;

namespace MediaMatrix.Api;

/// <summary>The JSON API under /api/v1.</summary>
internal static class ReportEndpoints
{
    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/report", async (MatrixInspector inspector, TimeProvider time, CancellationToken ct) =>
            Results.Text(CheckReport.ToJson(await inspector.InspectAsync(time.GetUtcNow(), ct)), "application/json; charset=utf-8"));
        return app;
    }
}
