using MediaMatrix.Access;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web;

namespace MediaMatrix.Api;

/// <summary>/api/v1/cases and /api/v1/accounts/{id}/cases: the cleanup board's cases, for automation. Each step carries
/// its state at the time of the request (done, pending, overdue, failed); a step is recorded like the board's form does.</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", async (HttpRequest request, ICaseStore cases, MatrixView view, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            if (error is not null)
            {
                return error;
            }

            var status = request.Query["status"].ToString();
            if (status is not ("" or "open" or "closed"))
            {
                return Problems.BadField("status", "open or closed");
            }

            var account = request.Query["account"].ToString();
            var now = view.Now;
            var rows = (await cases.GetCasesAsync(ct))
                .Where(c => account.Length == 0 || c.AccountId == account)
                .Where(c => status.Length == 0 || c.IsOpen == (status == "open"))
                .Select(c => Json(c, now)).ToList();
            return Results.Json(paging.Of(rows));
        });
        api.MapGet("/cases/{id}", async (string id, ICaseStore cases, MatrixView view, CancellationToken ct) =>
            await cases.GetCaseAsync(id, ct) is { } found
                ? Results.Json(new { @case = Json(found, view.Now), audit = await cases.GetCaseAuditAsync(id, ct) })
                : AccountEndpoints.NotFound("case", id));
        api.MapGet("/accounts/{id}/cases", async (string id, ICaseStore cases, MatrixView view, CancellationToken ct) =>
        {
            if (view.Account(id) is null)
            {
                return AccountEndpoints.NotFound("account", id);
            }

            var now = view.Now;
            return Results.Json((await cases.GetCasesAsync(ct)).Where(c => c.AccountId == id).Select(c => Json(c, now)).ToList());
        });
        api.MapPost("/cases/{id}/steps/{step}", async (string id, string step, NewStep? body, ICaseStore cases, CaseService service, MatrixView view, HttpContext context, TimeProvider time, CancellationToken ct) =>
        {
            if (await cases.GetCaseAsync(id, ct) is not { } current)
            {
                return AccountEndpoints.NotFound("case", id);
            }

            var (record, error) = CaseInput.Read(current, step, body?.At, body?.Link, body?.Reference, body?.Target, body?.Note, view.Matrix, context.User.Identity!.Name!, time.GetUtcNow());
            if (error is not null)
            {
                return Problems.BadInput(error);
            }

            var (updated, refused) = await service.RecordAsync(id, record!, ct);
            if (refused is not null)
            {
                return Problems.BadInput(refused);
            }

            view.Changed();
            return Results.Json(Json(updated!, view.Now));
        }).RequireAuthorization(Roles.Operate);
        return api;
    }

    private static object Json(CleanupCase c, DateTimeOffset now) => new
    {
        id = c.Id,
        accountId = c.AccountId,
        disposition = c.Disposition,
        openedAt = c.OpenedAt,
        openedBy = c.OpenedBy,
        mergeInto = c.MergeInto,
        state = c.ClosedAt is not null ? "closed" : c.SupersededAt is not null ? "superseded" : CaseSteps.OverdueAt(c, now).Count > 0 ? "overdue" : "open",
        closedAt = c.ClosedAt,
        supersededAt = c.SupersededAt,
        steps = c.Steps.Select(s => new
        {
            step = CaseSteps.StepName(s.Kind),
            dueAt = s.DueAt,
            state = CaseSteps.StateAt(s, now),
            doneAt = s.DoneAt,
            doneBy = s.DoneBy,
            recordedAt = s.RecordedAt,
            link = s.Link,
            reference = s.Reference,
            note = s.Note,
            failedAt = s.FailedAt,
        }).ToList(),
    };

    /// <summary>A step recorded through the API: <c>at</c> a day (yyyy-MM-dd, empty: now), <c>link</c> for the notice,
    /// <c>target</c> for a merge, <c>reference</c> the filing number.</summary>
    internal sealed record NewStep(string? At, string? Link, string? Reference, string? Target, string? Note);
}
