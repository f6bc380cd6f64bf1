using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>The form posts behind the account page's manual findings section (Pages/ManualFindingsSection.razor).</summary>
internal static class FindingForms
{
    public static WebApplication MapFindingForms(this WebApplication app)
    {
        app.MapPost("/accounts/{id}/findings", RecordAsync).RequireAuthorization(Roles.Operate);
        app.MapPost("/findings/{id}/clear", ClearAsync).RequireAuthorization(Roles.Operate);
        return app;
    }

    private static async Task<IResult> RecordAsync(string id, HttpContext context, MatrixView view, IFindingStore findings, LatestReport latest, CancellationToken ct)
    {
        if (view.Account(id) is null)
        {
            return Results.NotFound();
        }

        var form = await context.Request.ReadFormAsync(ct);
        var zone = view.Matrix.Matrix.TimeZone;
        var (from, fromError) = FindingInput.ReadLocal("from", form["from"], zone);
        var (until, untilError) = FindingInput.ReadLocal("until", form["until"], zone);
        if ((fromError ?? untilError) is { } dateError)
        {
            return Refused(context, id, dateError);
        }

        var (finding, error) = FindingInput.Read(id, form["kind"], form["text"], form["evidenceUrl"], from, until, context.User.Identity!.Name!, view.Now);
        if (error is not null)
        {
            return Refused(context, id, error);
        }

        await findings.RecordFindingAsync(finding!, ct);
        latest.Invalidate();
        return Results.Redirect("/accounts/" + Uri.EscapeDataString(id));
    }

    private static async Task<IResult> ClearAsync(string id, HttpContext context, MatrixView view, IFindingStore findings, LatestReport latest, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var finding = await findings.GetFindingAsync(id, ct);
        if (finding is null)
        {
            return Results.NotFound();
        }

        var (note, error) = FindingInput.ReadNote(form["note"]);
        if (error is not null)
        {
            return Refused(context, finding.AccountId, error);
        }

        await findings.ClearFindingAsync(id, view.Now, context.User.Identity!.Name!, note!, ct);
        latest.Invalidate();
        return Results.Redirect("/accounts/" + Uri.EscapeDataString(finding.AccountId));
    }

    private static IResult Refused(HttpContext context, string accountId, string error) =>
        PageResults.Problem(context, Lang.Of(context), PageResults.Strings(context)["人工检查发现"], error, 400,
            back: "/accounts/" + Uri.EscapeDataString(accountId));
}
