using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Web;

/// <summary>The cleanup board: weak, dormant and zombie accounts (and other unqualified ones with a proposal beyond retain),
/// each with the proposed disposition and its reasons; operators confirm or override it with a reason.</summary>
internal static class CleanupPage
{
    public static bool OnBoard(Evaluation e) =>
        e.Weak || e.Zombie || e.Dormant || (e.Disposition is { Kind: not DispositionKind.Retain });

    public static string Render(HttpContext context, MatrixReport report, Func<string, string> decisionOf, Lang lang)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{lang.T("清理看板", "Cleanup board")}</h1>
            <table class="cleanup"><thead><tr><th>{lang.T("账号", "Account")}</th><th>{lang.T("状态", "State")}</th><th>{lang.T("处置建议", "Proposed")}</th>
            <th>{lang.T("原因", "Reasons")}</th><th>{lang.T("决定", "Decision")}</th></tr></thead><tbody>
            """);
        var operate = context.User.CanOperate();
        foreach (var (account, e) in report.Accounts.Where(r => OnBoard(r.Evaluation)))
        {
            var state = string.Join(" ", new[] { e.Weak ? lang.T("弱运营", "weak") : null, e.Zombie ? lang.T("僵尸", "zombie") : null, e.Dormant ? lang.T("休眠", "dormant") : null, e.Verdict == Verdict.Unqualified ? lang.T("不合格", "unqualified") : null }.OfType<string>());
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr data-account="{Html.E(account.Id)}"><td><a href="{Html.Local("/accounts", account.Id)}">{Html.E(account.Name)}</a><br><small>{Html.E(account.Department)}</small></td>
                <td>{state}</td><td>{lang.Disposition(e.Disposition?.Kind)}{(e.Disposition?.MergeInto is { } into ? " → " + Html.E(into) : "")}{(e.Disposition?.Deadline is { } d ? " " + lang.Time(d) : "")}</td>
                <td>{string.Join("<br>", (e.Disposition?.Reasons ?? []).Select(lang.Reason))}</td><td>{decisionOf(account.Id)}
                """);
            if (operate && e.Disposition is { } proposal)
            {
                var kinds = string.Concat(Enum.GetValues<DispositionKind>().Select(k => $"<option value=\"{k.ToString().ToLowerInvariant()}\"{(k == proposal.Kind ? " selected" : "")}>{lang.Disposition(k)}</option>"));
                html.Append(CultureInfo.InvariantCulture, $"""
                    <form method="post" action="{Html.Local("/cleanup", account.Id)}" class="decide">{Layout.Token(context)}
                    <input type="hidden" name="proposed" value="{proposal.Kind.ToString().ToLowerInvariant()}">
                    <select name="kind">{kinds}</select> <input name="reason" placeholder="{lang.T("理由", "Reason")}" maxlength="500">
                    <button type="submit" name="action" value="confirm">{lang.T("确认", "Confirm")}</button>
                    <button type="submit" name="action" value="override">{lang.T("改为所选", "Override")}</button></form>
                    """);
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }
}
