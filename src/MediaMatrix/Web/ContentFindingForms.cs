using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web.Pages;

namespace MediaMatrix.Web;

/// <summary>The content findings queue (/content-findings, the alert queue's findings filter) and the confirm / dismiss
/// form posts behind its table (Pages/ContentFindingsTable.razor, also on the account page).</summary>
internal static class ContentFindingForms
{
    public static WebApplication MapContentFindingForms(this WebApplication app)
    {
        app.MapGet("/content-findings", QueueAsync);
        app.MapPost("/content-findings/{id}/{decision}", DecideAsync).RequireAuthorization(Roles.Operate);
        return app;
    }

    private static async Task<IResult> QueueAsync(HttpContext context, IContentFindingStore store, CancellationToken ct)
    {
        var lang = Lang.Of(context);
        var status = context.Request.Query["status"].ToString();
        var (filter, error) = ContentFindingInput.ReadStatus(status.Length == 0 ? "proposed" : status);
        if (error is not null)
        {
            return Refused(context, lang, error);
        }

        var rows = (await store.GetContentFindingsAsync(ct)).Where(f => filter is null || f.Status == filter).ToList();
        return PageResults.Render<ContentFindingsQueue>(context, lang, new()
        {
            ["Findings"] = rows,
            ["Operate"] = context.User.CanOperate(),
        });
    }

    private static async Task<IResult> DecideAsync(string id, string decision, HttpContext context, IContentFindingStore store, MatrixView view, LatestReport latest, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var lang = Lang.Of(context);
        var (kind, note, error) = ContentFindingInput.ReadDecision(decision, form["note"]);
        if (error is not null)
        {
            return Refused(context, lang, error);
        }

        var result = await store.DecideAsync(id, kind, view.Now, context.User.Identity!.Name!, note!, ct);
        latest.Invalidate();
        return result.Outcome == FindingDecisionOutcome.NotFound
            ? Results.NotFound()
            : Results.Redirect("/accounts/" + Uri.EscapeDataString(result.Finding!.AccountId));
    }

    private static IResult Refused(HttpContext context, Lang lang, string error) =>
        PageResults.Problem(context, lang, PageResults.Strings(context)["内容检查发现"], error, 400);
}

/// <summary>What a decision on a content finding needs, read from a form or the API; the error names the field.</summary>
internal static class ContentFindingInput
{
    public static (FindingDecision Decision, string? Note, string? Error) ReadDecision(string? decision, string? note)
    {
        var kind = decision switch
        {
            "confirm" => FindingDecision.Confirm,
            "dismiss" => FindingDecision.Dismiss,
            _ => (FindingDecision?)null,
        };
        if (kind is null)
        {
            return (default, null, "decision: one of confirm, dismiss");
        }

        note = note?.Trim() ?? "";
        if (kind == FindingDecision.Dismiss && note.Length == 0)
        {
            return (default, null, "note: required to dismiss a finding (why it is a false positive)");
        }

        return note.Length > 0 && OperatorNote.Problem(note) is { } problem ? (default, null, $"note: {problem}") : (kind.Value, note, null);
    }

    public static (FindingStatus? Status, string? Error) ReadStatus(string status) => status switch
    {
        "all" => (null, null),
        "proposed" => (FindingStatus.Proposed, null),
        "confirmed" => (FindingStatus.Confirmed, null),
        "dismissed" => (FindingStatus.Dismissed, null),
        _ => (null, "status: one of proposed, confirmed, dismissed, all"),
    };
}
