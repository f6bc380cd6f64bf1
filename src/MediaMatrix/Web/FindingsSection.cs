using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>The account page's manual findings: the list with each one's evidence and trail, a form to record one and a
/// form to clear each active one (operators only).</summary>
internal static class FindingsSection
{
    public static async Task AppendAsync(StringBuilder html, HttpContext context, string accountId, DateTimeOffset now, Lang lang, CancellationToken ct)
    {
        var store = context.RequestServices.GetRequiredService<IFindingStore>();
        var findings = (await store.GetFindingsAsync(ct)).Where(f => f.AccountId == accountId).ToList();
        var operate = context.User.CanOperate();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">{lang.T("人工检查发现", "Manual findings")}</h2>");
        if (findings.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{lang.T("暂无", "None")}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th scope=\"col\">{lang.T("类别", "Kind")}</th><th scope=\"col\">{lang.T("内容", "Text")}</th><th scope=\"col\">{lang.T("证据", "Evidence")}</th><th scope=\"col\">{lang.T("起止", "Applies")}</th><th scope=\"col\">{lang.T("状态", "Status")}</th></tr></thead><tbody>");
            foreach (var finding in findings)
            {
                var active = finding.IsActiveAt(now);
                html.Append(CultureInfo.InvariantCulture, $"""<tr class="finding{(active ? " active" : "")}" data-finding="{Html.E(finding.Id)}"><td>{Html.E(lang.English ? FindingKinds.En(finding.Kind) : FindingKinds.Zh(finding.Kind))}</td><td>{Html.E(finding.Text)}</td>""");
                html.Append(finding.EvidenceUrl is { } link ? $"""<td><a href="{Html.Href(link)}" rel="noopener noreferrer nofollow">{lang.T("链接", "link")}</a></td>""" : "<td>—</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{lang.Time(finding.From)} – {(finding.Until is { } until ? lang.Time(until) : lang.T("清除为止", "until cleared"))}<br><small>{lang.T("记录", "recorded")} {Html.E(finding.RecordedBy)} {lang.Time(finding.RecordedAt)}</small></td><td>");
                html.Append(Status(finding, active, lang));
                if (active && operate && finding.ClearedAt is null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{Html.Local("/findings", finding.Id, "clear")}" class="clear-finding">{Layout.Token(context)}<label>{lang.T("清除说明", "Why it no longer holds")} <input name="note" required maxlength="{FindingInput.MaxNote}"></label> <button type="submit">{lang.T("清除", "Clear")}</button></form>""");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (operate)
        {
            AppendRecordForm(html, context, accountId, lang);
        }

        html.Append("</section>");
    }

    private static string Status(ManualFinding finding, bool active, Lang lang) => finding.ClearedAt is { } cleared
        ? $"{lang.T("已清除", "Cleared")} {lang.Time(cleared)} · {Html.E(finding.ClearedBy)}：{Html.E(finding.ClearNote)}"
        : active ? $"<strong>{lang.T("生效中（单项否决）", "Active (single veto)")}</strong>" : lang.T("未生效", "Not in force");

    private static void AppendRecordForm(StringBuilder html, HttpContext context, string accountId, Lang lang)
    {
        html.Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{Html.Local("/accounts", accountId, "findings")}" class="record-finding">{Layout.Token(context)}<fieldset><legend>{lang.T("记录人工检查发现（生效期间单项否决）", "Record a manual finding (vetoes while active)")}</legend>""");
        html.Append(CultureInfo.InvariantCulture, $"<label>{lang.T("类别", "Kind")} <select name=\"kind\">");
        foreach (var (name, kind) in FindingInput.Kinds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{name}\">{Html.E(lang.English ? FindingKinds.En(kind) : FindingKinds.Zh(kind))}</option>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""</select></label> <label>{lang.T("内容", "Text")} <input name="text" required maxlength="{FindingInput.MaxText}"></label> <label>{lang.T("证据链接", "Evidence link")} <input name="evidenceUrl" type="url" maxlength="{FindingInput.MaxLink}"></label> <label>{lang.T("起（默认现在）", "From (default now)")} <input name="from" type="datetime-local"></label> <label>{lang.T("止（可选）", "Until (optional)")} <input name="until" type="datetime-local"></label> <button type="submit">{lang.T("记录", "Record")}</button></fieldset></form>""");
    }
}

/// <summary>The form posts behind <see cref="FindingsSection"/>.</summary>
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

    private static IResult Refused(HttpContext context, string accountId, string error)
    {
        var lang = Lang.Of(context);
        return Layout.Page(context, lang, lang.T("人工检查发现", "Manual findings"),
            $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p><p><a href=\"{Html.Local("/accounts", accountId)}\">←</a></p>", 400);
    }
}
