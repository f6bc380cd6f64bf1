using MediaMatrix.Access;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web;

namespace MediaMatrix.Api;

/// <summary>/api/v1/alerts and /api/v1/accounts/{id}/decisions: what the alerts queue and the cleanup board do, for automation.</summary>
internal static class AlertApi
{
    public static RouteGroupBuilder MapAlertsAndDecisions(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", async (HttpRequest request, IAlertStore store, MatrixView view, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            if (error is not null)
            {
                return error;
            }

            var status = request.Query["status"].ToString();
            if (status is not ("" or "open" or "resolved"))
            {
                return Problems.BadField("status", "open or resolved");
            }

            var alerts = status == "resolved"
                ? await store.GetResolvedAlertsAsync(view.Now.AddDays(-90), ct)
                : AlertsPage.Queue(await store.GetOpenAlertsAsync(ct)).ToList();
            return Results.Json(paging.Of(alerts));
        });
        api.MapGet("/alerts/{key}", async (string key, IAlertStore store, CancellationToken ct) =>
            await store.GetAlertAsync(key, ct) is { } alert
                ? Results.Json(new { alert, audit = await store.GetAlertAuditAsync(key, ct) })
                : AccountEndpoints.NotFound("alert", key));
        api.MapPost("/alerts/{key}/{action}", async (string key, string action, AlertAction? body, AlertService alerts, IAlertStore store, HttpContext context, CancellationToken ct) =>
        {
            if (await store.GetAlertAsync(key, ct) is null)
            {
                return AccountEndpoints.NotFound("alert", key);
            }

            var error = await AlertEndpoints.ApplyAsync(alerts, action, [key], body?.Text ?? "", context.User.Identity!.Name!, ct);
            return error is null ? Results.Json(await store.GetAlertAsync(key, ct)) : Problems.BadInput(error);
        }).RequireAuthorization(Roles.Operate);

        api.MapGet("/accounts/{id}/decisions", async (string id, MatrixView view, IDecisionStore decisions, CancellationToken ct) =>
            view.Account(id) is null ? AccountEndpoints.NotFound("account", id) : Results.Json(await decisions.GetDecisionsAsync(id, ct)));
        api.MapPost("/accounts/{id}/decisions", async (string id, NewDecision body, MatrixView view, IDecisionStore decisions, CaseService cases, HttpContext context, TimeProvider time, CancellationToken ct) =>
        {
            var row = (await view.ReportAsync(ct)).Accounts.FirstOrDefault(r => r.Account.Id == id);
            if (row.Account is null)
            {
                return AccountEndpoints.NotFound("account", id);
            }

            var (decision, error) = DecisionInput.Read(id, row.Evaluation, body.Action, body.Kind, body.Reason, context.User.Identity!.Name!, time.GetUtcNow());
            if (error is not null)
            {
                return Problems.BadInput(error);
            }

            await decisions.SaveDecisionAsync(decision!, ct);
            await cases.DecidedAsync(decision!, row.Evaluation.Disposition, ct);
            view.Changed();
            return Results.Json(decision, statusCode: 201);
        }).RequireAuthorization(Roles.Operate);
        return api;
    }

    internal sealed record AlertAction(string? Text);

    internal sealed record NewDecision(string? Action, string? Kind, string? Reason);
}
