using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Web;

/// <summary>The cleanup board's cases (处置案件): open ones, and those closed or superseded within
/// <see cref="CaseOptions.ShowClosedFor"/>, each step done (when, by whom), due by its date, or overdue; an operator
/// gets a form for each step not done yet.</summary>
internal static class CasesSection
{
    public static string Render(HttpContext context, IReadOnlyList<CleanupCase> cases, MatrixConfig matrix, DateTimeOffset now, TimeSpan showClosedFor, Lang lang)
    {
        var names = matrix.Accounts.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var shown = cases.Where(c => c.IsOpen || (c.ClosedAt ?? c.SupersededAt) >= now - showClosedFor).ToList();
        var html = new StringBuilder(8 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="cases">{lang.T("处置案件", "Cleanup cases")}</h2>
            """);
        if (shown.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"none\">{lang.T("暂无处置案件：确认或改定处置建议后立案", "No cases yet: confirming or overriding a disposition opens one")}</p>");
            return html.ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <table class="cases"><thead><tr><th>{lang.T("账号", "Account")}</th><th>{lang.T("处置", "Disposition")}</th><th>{lang.T("立案", "Opened")}</th>
            <th>{lang.T("步骤", "Steps")}</th><th>{lang.T("状态", "State")}</th></tr></thead><tbody>
            """);
        var operate = context.User.CanOperate();
        foreach (var c in shown)
        {
            var state = c.ClosedAt is not null ? "closed" : c.SupersededAt is not null ? "superseded" : "open";
            var into = c.MergeInto is { } m ? " → " + Html.E(names.GetValueOrDefault(m) ?? m) : "";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr data-case="{Html.E(c.Id)}" data-case-account="{Html.E(c.AccountId)}" data-state="{state}">
                <td><a href="{Html.Local("/accounts", c.AccountId)}">{Html.E(names.GetValueOrDefault(c.AccountId) ?? c.AccountId)}</a></td>
                <td>{lang.Disposition(c.Disposition)}{into}</td><td>{lang.Time(c.OpenedAt)} · {Html.E(c.OpenedBy)}</td><td><ol class="steps">
                """);
            foreach (var step in c.Steps)
            {
                AppendStep(html, context, c, step, matrix, now, operate, lang);
            }

            var overdue = CaseSteps.OverdueAt(c, now).Count > 0;
            var label = c.ClosedAt is { } closed ? lang.T("已结案", "Closed") + " " + lang.Time(closed)
                : c.SupersededAt is { } superseded ? lang.T("已终止（处置改变）", "Superseded") + " " + lang.Time(superseded)
                : overdue ? lang.T("逾期", "Overdue")
                : lang.T("办理中", "In progress");
            html.Append(CultureInfo.InvariantCulture, $"</ol></td><td class=\"case-state{(overdue ? " overdue" : "")}\">{label}</td></tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static void AppendStep(StringBuilder html, HttpContext context, CleanupCase c, CaseStep step, MatrixConfig matrix, DateTimeOffset now, bool operate, Lang lang)
    {
        var state = CaseSteps.StateAt(step, now);
        var name = CaseSteps.StepName(step.Kind);
        var title = lang.T(CaseSteps.StepZh(step.Kind), CaseSteps.StepEn(step.Kind));
        var css = state.ToString().ToLowerInvariant();
        html.Append(CultureInfo.InvariantCulture, $"<li data-step=\"{name}\" class=\"step {css}\"><strong>{title}</strong> · ");
        switch (state)
        {
            case CaseStepState.Done:
                html.Append(CultureInfo.InvariantCulture, $"""{lang.T("已完成", "done")} {lang.Time(step.DoneAt)} · {(step.DoneBy is { } by ? Html.E(by) : lang.T("系统检测", "detected"))}""");
                if (step.Reference is { } reference)
                    html.Append(" · ").Append(Html.E(step.Kind == CaseStepKind.Merged ? reference : lang.T("备案号 ", "filing no. ") + reference));
                if (step.Link is { } link)
                    html.Append(CultureInfo.InvariantCulture, $""" · <a href="{Html.Href(link)}" rel="noopener noreferrer">{lang.T("链接", "link")}</a>""");
                if (step.Note is { } note)
                    html.Append("<br><small>").Append(Html.E(note)).Append("</small>");
                break;
            case CaseStepState.Failed:
                html.Append(CultureInfo.InvariantCulture, $"""{lang.T("复查未通过", "re-check failed")} {lang.Time(step.FailedAt)} · {lang.T("应于", "due")} {lang.Time(step.DueAt)}<br><small>{Html.E(step.Note)}</small>""");
                break;
            case CaseStepState.Overdue:
                html.Append(CultureInfo.InvariantCulture, $"""<span class="overdue">{lang.T("逾期", "overdue")}</span> · {lang.T("应于", "due by")} {lang.Time(step.DueAt)}""");
                break;
            default:
                html.Append(CultureInfo.InvariantCulture, $"""{lang.T("应于", "due by")} {lang.Time(step.DueAt)} {lang.T("前完成", "")}""");
                break;
        }

        if (operate && c.IsOpen && !step.IsDone)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="{Html.Local("/cleanup/cases", c.Id, "steps", name)}" class="step-form">{Layout.Token(context)}
                <input type="date" name="at" title="{lang.T("完成日期（留空为现在）", "Date done (empty: now)")}">{Field(step.Kind, c, matrix, lang)}
                <input name="note" placeholder="{lang.T("备注", "Note")}" maxlength="500">
                <button type="submit">{lang.T("记录完成", "Record done")}</button></form>
                """);
        }

        html.Append("</li>");
    }

    private static string Field(CaseStepKind kind, CleanupCase c, MatrixConfig matrix, Lang lang) => kind switch
    {
        CaseStepKind.Notice => $"""<input name="link" type="url" required placeholder="{lang.T("停更公告链接", "Notice link")}" maxlength="2000">""",
        CaseStepKind.Filed => $"""<input name="reference" placeholder="{lang.T("备案注销编号", "Filing number")}" maxlength="{CaseInput.MaxReferenceLength}">""",
        CaseStepKind.Merged => $"""<select name="target">{string.Concat(matrix.Accounts.Where(a => a.Id != c.AccountId).Select(a =>
            $"<option value=\"{Html.E(a.Id)}\"{(a.Id == c.MergeInto ? " selected" : "")}>{Html.E(a.Name)}</option>"))}</select>""",
        _ => "",
    };
}
