using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>The content findings queue (/content-findings, the alert queue's findings filter) and the confirm / dismiss
/// form posts behind <see cref="ContentFindingsSection"/>.</summary>
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
            return Layout.Page(context, lang, lang.T("内容检查发现", "Content findings"), $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>", 400);
        }

        var rows = (await store.GetContentFindingsAsync(ct)).Where(f => filter is null || f.Status == filter).ToList();
        var html = new System.Text.StringBuilder(8 * 1024);
        html.Append($"<h1>{lang.T("内容检查发现", "Content findings")} <small>{rows.Count}</small></h1>");
        html.Append($"""<nav class="filters" aria-label="{lang.T("筛选", "Filter")}"><a href="/alerts">{lang.T("告警", "Alerts")}</a> · <a href="/content-findings?status=proposed">{lang.T("待确认", "To confirm")}</a> · <a href="/content-findings?status=confirmed">{lang.T("已确认", "Confirmed")}</a> · <a href="/content-findings?status=dismissed">{lang.T("已排除", "Dismissed")}</a> · <a href="/content-findings?status=all">{lang.T("全部", "All")}</a></nav>""");
        ContentFindingsSection.Append(html, context, rows, lang, withAccount: true);
        return Layout.Page(context, lang, lang.T("内容检查发现", "Content findings"), html.ToString());
    }

    private static async Task<IResult> DecideAsync(string id, string decision, HttpContext context, IContentFindingStore store, MatrixView view, LatestReport latest, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var lang = Lang.Of(context);
        var (kind, note, error) = ContentFindingInput.ReadDecision(decision, form["note"]);
        if (error is not null)
        {
            return Layout.Page(context, lang, lang.T("内容检查发现", "Content findings"), $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>", 400);
        }

        var result = await store.DecideAsync(id, kind, view.Now, context.User.Identity!.Name!, note!, ct);
        latest.Invalidate();
        return result.Outcome == FindingDecisionOutcome.NotFound
            ? Results.NotFound()
            : Results.Redirect("/accounts/" + Uri.EscapeDataString(result.Finding!.AccountId));
    }
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
