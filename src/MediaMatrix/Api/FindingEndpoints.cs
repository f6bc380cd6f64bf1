using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web;

namespace MediaMatrix.Api;

/// <summary>/api/v1/findings: operators' manual findings, which veto their account while active (docs/assessment.md).</summary>
internal static class FindingEndpoints
{
    public static RouteGroupBuilder MapFindings(this RouteGroupBuilder api)
    {
        api.MapGet("/findings", async (HttpRequest request, IFindingStore findings, MatrixView view, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            if (error is not null)
            {
                return error;
            }

            var account = request.Query["account"].ToString();
            var active = request.Query["active"].ToString();
            if (active.Length > 0 && active is not ("true" or "false"))
            {
                return Problems.BadField("active", "true or false");
            }

            var now = view.Now;
            var rows = (await findings.GetFindingsAsync(ct))
                .Where(f => account.Length == 0 || f.AccountId == account)
                .Where(f => active.Length == 0 || f.IsActiveAt(now) == (active == "true"))
                .Select(Json).ToList();
            return Results.Json(paging.Of(rows));
        });
        api.MapGet("/findings/{id}", async (string id, IFindingStore findings, CancellationToken ct) =>
            await findings.GetFindingAsync(id, ct) is { } finding
                ? Results.Json(new { finding = Json(finding), audit = await findings.GetFindingAuditAsync(id, ct) })
                : AccountEndpoints.NotFound("finding", id));
        api.MapPost("/accounts/{id}/findings", async (string id, NewFinding body, IFindingStore findings, MatrixView view, LatestReport latest, HttpContext context, CancellationToken ct) =>
        {
            if (view.Account(id) is null)
            {
                return AccountEndpoints.NotFound("account", id);
            }

            var (finding, error) = FindingInput.Read(id, body.Kind, body.Text, body.EvidenceUrl, body.From, body.Until, context.User.Identity!.Name!, view.Now);
            if (error is not null)
            {
                return Problems.BadInput(error);
            }

            await findings.RecordFindingAsync(finding!, ct);
            latest.Invalidate();
            return Results.Json(Json(finding!), statusCode: 201);
        }).RequireAuthorization(Roles.Operate);
        api.MapPost("/findings/{id}/clear", async (string id, ClearFinding body, IFindingStore findings, MatrixView view, LatestReport latest, HttpContext context, CancellationToken ct) =>
        {
            var (note, error) = FindingInput.ReadNote(body.Note);
            if (error is not null)
            {
                return Problems.BadInput(error);
            }

            var clearance = await findings.ClearFindingAsync(id, view.Now, context.User.Identity!.Name!, note!, ct);
            latest.Invalidate();
            return clearance.Outcome switch
            {
                FindingClearanceOutcome.Cleared => Results.Json(Json(clearance.Finding!)),
                FindingClearanceOutcome.NotFound => AccountEndpoints.NotFound("finding", id),
                _ => Results.Problem(statusCode: 409, title: "Already cleared", detail: $"finding '{id}' was cleared before"),
            };
        }).RequireAuthorization(Roles.Operate);
        return api;
    }

    /// <summary>The API's shape of a finding: the kind as its kebab name.</summary>
    internal static object Json(ManualFinding f) => new
    {
        f.Id,
        f.AccountId,
        kind = FindingInput.Name(f.Kind),
        f.Text,
        f.EvidenceUrl,
        f.From,
        f.Until,
        f.RecordedBy,
        f.RecordedAt,
        f.ClearedAt,
        f.ClearedBy,
        f.ClearNote,
    };

    internal sealed record NewFinding(string? Kind, string? Text, string? EvidenceUrl, DateTimeOffset? From, DateTimeOffset? Until);

    internal sealed record ClearFinding(string? Note);
}
