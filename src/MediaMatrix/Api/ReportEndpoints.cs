using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Reports;

namespace MediaMatrix.Api;

/// <summary>The JSON API under /api/v1: one group per feature.</summary>
internal static class ReportEndpoints
{
    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/report", async (EvaluationRound round, TimeProvider time, CancellationToken ct) =>
            Results.Text(CheckReport.ToJson(await round.RunAsync(time.GetUtcNow(), ct)), "application/json; charset=utf-8"));
        api.MapAccounts();
        api.MapTasks();
        api.MapFindings();
        api.MapContentFindings();
        api.MapAlertsAndDecisions();
        api.MapCases();
        api.MapDigest();
        app.MapOpenApi("/api/v1/openapi.json");
        return app;
    }
}
