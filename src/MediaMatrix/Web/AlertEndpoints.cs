using MediaMatrix.Access;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>The alerts queue page and its form posts (single and bulk).</summary>
internal static class AlertEndpoints
{
    public static WebApplication MapAlertPages(this WebApplication app)
    {
        app.MapGet("/alerts", async (HttpContext context, IAlertStore store, CancellationToken ct) => await QueueAsync(context, store, null, ct));
        app.MapPost("/alerts/bulk", async (HttpContext context, AlertService alerts, IAlertStore store, CancellationToken ct) =>
        {
            var form = await context.Request.ReadFormAsync(ct);
            var error = await ApplyAsync(alerts, form["action"].ToString(), form["ids"].Select(k => k ?? ""), form["text"].ToString(), context.User.Identity!.Name!, ct);
            return error is null ? Results.Redirect("/alerts") : await QueueAsync(context, store, error, ct);
        }).RequireAuthorization(Roles.Operate).LimitBody(BodyLimits.BulkForm);
        app.MapPost("/alerts/{key}/{action}", async (string key, string action, HttpContext context, AlertService alerts, IAlertStore store, CancellationToken ct) =>
        {
            var form = await context.Request.ReadFormAsync(ct);
            var error = await ApplyAsync(alerts, action, [key], form["text"].ToString(), context.User.Identity!.Name!, ct);
            return error is null ? Results.Redirect("/alerts") : await QueueAsync(context, store, error, ct);
        }).RequireAuthorization(Roles.Operate);
        return app;
    }

    /// <summary>Applies one operator action to each alert; the error names the field that was wrong.</summary>
    public static async Task<string?> ApplyAsync(AlertService alerts, string action, IEnumerable<string> keys, string text, string by, CancellationToken ct)
    {
        if (action is not ("acknowledge" or "resolve" or "note"))
        {
            return "action: one of acknowledge, resolve, note";
        }

        if (action != "acknowledge" && string.IsNullOrWhiteSpace(text))
        {
            return "text: required to resolve or add a note";
        }

        if (OperatorNote.Problem(text) is { } problem)
        {
            return $"text: {problem}";
        }

        foreach (var key in keys.Where(k => k.Length > 0))
        {
            // False means already acknowledged/resolved or gone: a repeated click, not an error.
            _ = action switch
            {
                "acknowledge" => await alerts.AcknowledgeAsync(key, by, text.Length == 0 ? null : text, ct),
                "resolve" => await alerts.ResolveAsync(key, by, text, ct),
                _ => await alerts.AddNoteAsync(key, by, text, ct),
            };
        }

        return null;
    }

    private static async Task<IResult> QueueAsync(HttpContext context, IAlertStore store, string? error, CancellationToken ct)
    {
        var lang = Lang.Of(context);
        var accounts = context.RequestServices.GetService<Monitoring.Matrix.MatrixConfig>()?.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        return PageResults.Render<Pages.Alerts>(context, lang, new()
        {
            ["Open"] = AlertsPage.Queue(await store.GetOpenAlertsAsync(ct)).ToList(),
            ["Accounts"] = accounts,
            ["Operate"] = context.User.CanOperate(),
            ["Message"] = error,
        }, error is null ? 200 : 400);
    }
}
