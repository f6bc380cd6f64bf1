using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Web;

/// <summary>
/// Content checks' findings as operators see them: the excerpt with the match marked, the rule, the post, when it was
/// found, and for a proposed one the confirm / dismiss forms. Every scraped string is encoded here; the mark is ours.
/// </summary>
internal static class ContentFindingsSection
{
    public static void Append(StringBuilder html, HttpContext context, IReadOnlyList<ContentFinding> findings, Lang lang, bool withAccount)
    {
        var operate = context.User.CanOperate();
        if (findings.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{lang.T("暂无", "None")}</p>");
            return;
        }

        html.Append("<table class=\"content-findings\"><thead><tr>");
        if (withAccount)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{lang.T("账号", "Account")}</th>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{lang.T("问题", "Problem")}</th><th scope=\"col\">{lang.T("摘录", "Excerpt")}</th><th scope=\"col\">{lang.T("发布信息", "Post")}</th><th scope=\"col\">{lang.T("发现时间", "Found")}</th><th scope=\"col\">{lang.T("状态", "Status")}</th></tr></thead><tbody>");
        foreach (var finding in findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr class="content-finding {Severity(finding)}" data-content-finding="{Html.E(finding.Id)}">""");
            if (withAccount)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<td><a href="{Html.Local("/accounts", finding.AccountId)}">{Html.E(finding.AccountId)}</a></td>""");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{Problem(finding, lang)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"excerpt\" translate=\"no\">…{Html.E(finding.Before)}<mark>{Html.E(finding.Match)}</mark>{Html.E(finding.After)}…</td>");
            var title = Html.E(finding.PostTitle);
            html.Append(finding.PostLink is { } link ? $"""<td><a href="{Html.Href(link)}" rel="noopener noreferrer nofollow" translate="no">{title}</a>""" : $"<td><span translate=\"no\">{title}</span>");
            html.Append(CultureInfo.InvariantCulture, $"<br><small>{lang.T("发布", "published")} {lang.Time(finding.PublishedAt)}</small></td><td>{lang.Time(finding.FoundAt)}</td><td>");
            html.Append(Status(finding, lang));
            if (operate && finding.Status == FindingStatus.Proposed)
            {
                AppendForms(html, context, finding, lang);
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    public static string Problem(ContentFinding finding, Lang lang)
    {
        var kind = lang.English ? FindingKinds.En(finding.Kind) : FindingKinds.Zh(finding.Kind);
        var severity = finding.Severity == ContentSeverity.Serious ? lang.T("严重（可否决）", "serious (may veto)") : lang.T("一般（提示）", "minor (notice)");
        var correct = finding.Correct is { } right ? $"<br>{lang.T("应为", "should be")}「<span translate=\"no\">{Html.E(right)}</span>」" : "";
        var source = finding.Source is { } note ? $"<br><small>{lang.T("依据：", "Source: ")}<span translate=\"no\">{Html.E(note)}</span></small>" : "";
        return $"{Html.E(kind)} · {severity}{correct}<br><small><code>{Html.E(finding.Rule)}</code></small>{source}";
    }

    private static string Severity(ContentFinding finding) => finding.Severity == ContentSeverity.Serious ? "serious" : "minor";

    private static string Status(ContentFinding finding, Lang lang) => finding.Status switch
    {
        FindingStatus.Confirmed => $"<strong>{(finding.Severity == ContentSeverity.Serious ? lang.T("已确认（单项否决）", "Confirmed (single veto)") : lang.T("已确认（提示）", "Confirmed (notice)"))}</strong><br><small>{Html.E(finding.DecidedBy)} {lang.Time(finding.DecidedAt)} {Html.E(finding.DecisionNote)}</small>",
        FindingStatus.Dismissed => $"{lang.T("已排除（误报）", "Dismissed (false positive)")}<br><small>{Html.E(finding.DecidedBy)} {lang.Time(finding.DecidedAt)}：{Html.E(finding.DecisionNote)}</small>",
        _ => $"<strong>{lang.T("待确认", "To confirm")}</strong>",
    };

    private static void AppendForms(StringBuilder html, HttpContext context, ContentFinding finding, Lang lang)
    {
        var action = Html.Local("/content-findings", finding.Id);
        html.Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{action}/confirm" class="confirm-finding">{Layout.Token(context)}<label>{lang.T("确认说明（可选）", "Note (optional)")} <input name="note" maxlength="{FindingInput.MaxNote}"></label> <button type="submit">{lang.T("确认", "Confirm")}</button></form>""");
        html.Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{action}/dismiss" class="dismiss-finding">{Layout.Token(context)}<label>{lang.T("排除理由", "Why it is a false positive")} <input name="note" required maxlength="{FindingInput.MaxNote}"></label> <button type="submit">{lang.T("排除", "Dismiss")}</button></form>""");
    }
}
