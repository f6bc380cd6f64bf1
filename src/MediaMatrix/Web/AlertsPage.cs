using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Text;
using MediaMatrix.Access;
using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Web;

/// <summary>The alerts queue: open alerts, most severe then newest first; acknowledge, resolve, note, and the same in bulk.</summary>
internal static class AlertsPage
{
    public static IEnumerable<Alert> Queue(IEnumerable<Alert> open) => open.OrderByDescending(a => a.Severity).ThenByDescending(a => a.OpenedAt);

    public static string Render(HttpContext context, IReadOnlyList<Alert> open, Lang lang, string? message)
    {
        var accounts = context.RequestServices.GetService<Monitoring.Matrix.MatrixConfig>()?.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var operate = context.User.CanOperate();
        var html = new StringBuilder(16 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{lang.T("告警队列", "Alerts")} <small>{open.Count}</small></h1>");
        html.Append(CultureInfo.InvariantCulture, $"""<nav class="filters" aria-label="{lang.T("筛选", "Filter")}"><a href="/alerts" aria-current="page">{lang.T("告警", "Alerts")}</a> · <a href="/content-findings?status=proposed">{lang.T("待确认的内容检查发现", "Content findings to confirm")}</a></nav>""");
        if (message is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{Html.E(message)}</p>");
        }

        if (operate)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/alerts/bulk" id="bulk">{Layout.Token(context)}
                <p><label><input type="checkbox" data-select-all> {lang.T("全选", "Select all")}</label>
                <button type="submit" name="action" value="acknowledge">{lang.T("批量确认", "Acknowledge selected")}</button>
                <button type="submit" name="action" value="resolve">{lang.T("批量关闭", "Resolve selected")}</button>
                <input name="text" placeholder="{lang.T("说明（关闭时必填）", "Reason (needed to resolve)")}" maxlength="500"></p></form>
                """);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <table class="alerts"><thead><tr><th></th><th>{lang.T("级别", "Severity")}</th><th>{lang.T("告警", "Alert")}</th><th>{lang.T("对象", "Subject")}</th>
            <th>{lang.T("发生时间", "Opened")}</th><th>{lang.T("状态", "Status")}</th><th></th></tr></thead><tbody>
            """);
        foreach (var alert in open)
        {
            var key = Html.E(alert.Key);
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr data-alert="{key}"><td>{(operate ? $"<input type=\"checkbox\" name=\"ids\" value=\"{key}\" form=\"bulk\" aria-label=\"{Html.E(lang.T("选择此告警", "Select this alert"))}\">" : "")}</td>
                <td class="severity-{alert.Severity.ToString().ToLowerInvariant()}">{Severity(alert.Severity, lang)}</td>
                <td>{Html.E(lang.English ? alert.TitleEn : alert.TitleZh)}</td><td>{Subject(context, alert, accounts)}</td>
                <td>{lang.Time(alert.OpenedAt)}</td><td>{Status(alert, lang)}</td><td>
                """);
            if (operate)
            {
                var action = Html.Local("/alerts", alert.Key);
                if (alert.Status == AlertStatus.Open)
                {
                    html.Append(CultureInfo.InvariantCulture, $"""<form method="post" action="{action}/acknowledge" class="inline">{Layout.Token(context)}<button type="submit">{lang.T("确认", "Acknowledge")}</button></form> """);
                }

                html.Append(CultureInfo.InvariantCulture, $"""
                    <form method="post" action="{action}/resolve" class="inline">{Layout.Token(context)}<input name="text" required maxlength="500" placeholder="{lang.T("关闭原因", "Why")}"><button type="submit">{lang.T("关闭", "Resolve")}</button></form>
                    <form method="post" action="{action}/note" class="inline">{Layout.Token(context)}<input name="text" required maxlength="500" placeholder="{lang.T("备注", "Note")}"><button type="submit">{lang.T("添加备注", "Add note")}</button></form>
                    """);
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }

    public static string Severity(AlertSeverity severity, Lang lang) => severity switch
    {
        AlertSeverity.Critical => lang.T("严重", "critical"),
        AlertSeverity.Warning => lang.T("警告", "warning"),
        _ => lang.T("提示", "info"),
    };

    public static string Status(Alert alert, Lang lang) => alert.Status switch
    {
        AlertStatus.Acknowledged => lang.T("已确认", "acknowledged") + " · " + Html.E(alert.AcknowledgedBy),
        AlertStatus.Resolved => lang.T("已关闭", "resolved"),
        _ => lang.T("待处理", "open"),
    };

    // An account alert links to its account; a task alert names its task and a platform incident its platform, which have
    // no account page (a link to /accounts/weibo would be a 404).
    private static string Subject(HttpContext context, Alert alert, HashSet<string> accounts) => alert.Kind switch
    {
        _ when accounts.Contains(alert.Subject) => $"<a href=\"{Html.Local("/accounts", alert.Subject)}\">{Html.E(alert.Subject)}</a>",
        AlertKind.PlatformIncident when Enum.TryParse<Monitoring.Matrix.Platform>(alert.Subject, ignoreCase: true, out var platform)
            => Html.E(context.RequestServices.GetRequiredService<IStringLocalizer<Resources.SharedResource>>()[Labels.Platform(platform)]),
        _ => Html.E(alert.Subject),
    };
}
