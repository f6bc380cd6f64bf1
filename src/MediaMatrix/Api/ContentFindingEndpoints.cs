using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web;

namespace MediaMatrix.Api;

/// <summary>/api/v1/content-findings: what the content checks found, and operators' confirm / dismiss decisions
/// (docs/content-checks.md). A confirmed serious finding also appears in /api/v1/findings as the veto it became.</summary>
internal static class ContentFindingEndpoints
{
    public static RouteGroupBuilder MapContentFindings(this RouteGroupBuilder api)
    {
        api.MapGet("/content-findings", async (HttpRequest request, IContentFindingStore store, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            if (error is not null)
            {
                return error;
            }

            var (status, statusError) = ContentFindingInput.ReadStatus(request.Query["status"].ToString() is { Length: > 0 } s ? s : "all");
            if (statusError is not null)
            {
                return Problems.BadInput(statusError);
            }

            var account = request.Query["account"].ToString();
            var rows = (await store.GetContentFindingsAsync(ct))
                .Where(f => account.Length == 0 || f.AccountId == account)
                .Where(f => status is null || f.Status == status)
                .Select(Json).ToList();
            return Results.Json(paging.Of(rows));
        });
        api.MapGet("/content-findings/{id}", async (string id, IContentFindingStore store, IFindingStore findings, CancellationToken ct) =>
            await store.GetContentFindingAsync(id, ct) is { } finding
                ? Results.Json(new { finding = Json(finding), audit = await findings.GetFindingAuditAsync(id, ct) })
                : AccountEndpoints.NotFound("content finding", id));
        api.MapPost("/content-findings/{id}/{decision}", async (string id, string decision, Decide body, IContentFindingStore store, MatrixView view, LatestReport latest, HttpContext context, CancellationToken ct) =>
        {
            var (kind, note, error) = ContentFindingInput.ReadDecision(decision, body.Note);
            if (error is not null)
            {
                return Problems.BadInput(error);
            }

            var result = await store.DecideAsync(id, kind, view.Now, context.User.Identity!.Name!, note!, ct);
            latest.Invalidate();
            return result.Outcome switch
            {
                FindingDecisionOutcome.Decided => Results.Json(Json(result.Finding!)),
                FindingDecisionOutcome.NotFound => AccountEndpoints.NotFound("content finding", id),
                _ => Results.Problem(statusCode: 409, title: "Already decided", detail: $"content finding '{id}' was {Name(result.Finding!.Status)} before"),
            };
        }).RequireAuthorization(Roles.Operate);
        return api;
    }

    internal static object Json(ContentFinding f) => new
    {
        f.Id,
        f.AccountId,
        f.PostId,
        f.PostTitle,
        f.PostLink,
        f.PublishedAt,
        f.Rule,
        kind = FindingInput.Name(f.Kind),
        severity = f.Severity == ContentSeverity.Serious ? "serious" : "minor",
        excerpt = new { before = f.Before, match = f.Match, after = f.After },
        f.Correct,
        f.Source,
        f.FoundAt,
        status = Name(f.Status),
        f.DecidedAt,
        f.DecidedBy,
        f.DecisionNote,
    };

    private static string Name(FindingStatus status) => status.ToString().ToLowerInvariant();

    internal sealed record Decide(string? Note);
}
