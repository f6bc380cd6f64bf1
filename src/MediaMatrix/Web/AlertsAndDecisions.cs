using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>Open alert counts per account, for the overview (a task alert counts for each assignee it names).</summary>
internal static class OpenAlerts
{
    public static IReadOnlyDictionary<string, int> Counts(IReadOnlyList<Alert> open)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alert in open)
        {
            foreach (var account in alert.Accounts.Count > 0 ? alert.Accounts : [alert.Subject])
            {
                counts[account] = counts.GetValueOrDefault(account) + 1;
            }
        }

        return counts;
    }
}

/// <summary>The latest operator decision per account, for the cleanup board.</summary>
internal static class CleanupDecisions
{
    public static async Task<IReadOnlyDictionary<string, Decision>> LatestAsync(HttpContext context, CancellationToken ct)
    {
        var ids = context.RequestServices.GetRequiredService<MatrixConfig>().Accounts.Select(a => a.Id).ToList();
        var latest = await context.RequestServices.GetRequiredService<IDecisionStore>().GetLatestDecisionsAsync(ids, ct);
        return latest.ToDictionary(d => d.Key, d => d.Value);
    }

    public static string Describe(Decision d, Lang lang) =>
        $"<p class=\"decision\">{(d.Action == DecisionAction.Confirm ? lang.T("已确认", "Confirmed") : lang.T("已改为", "Overridden to"))} {lang.Disposition(d.Decided)} · {Html.E(d.By)} · {lang.Time(d.At)}<br><small>{Html.E(d.Reason)}</small></p>";
}

/// <summary>The account page's alerts and decisions sections.</summary>
internal static class AccountSections
{
    public static async Task AppendAsync(StringBuilder html, HttpContext context, string accountId, Lang lang, CancellationToken ct)
    {
        var open = (await context.RequestServices.GetRequiredService<IAlertStore>().GetOpenAlertsAsync(ct)).Where(a => a.Subject == accountId || a.Accounts.Contains(accountId));
        html.Append(CultureInfo.InvariantCulture, $"<h2>{lang.T("告警", "Alerts")}</h2><ul class=\"account-alerts\">");
        foreach (var alert in AlertsPage.Queue(open))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{AlertsPage.Severity(alert.Severity, lang)} · {Html.E(lang.English ? alert.TitleEn : alert.TitleZh)} · {lang.Time(alert.OpenedAt)} · {AlertsPage.Status(alert, lang)}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><h2>{lang.T("处置决定记录", "Decisions")}</h2><ul class=\"decisions\">");
        foreach (var decision in await context.RequestServices.GetRequiredService<IDecisionStore>().GetDecisionsAsync(accountId, ct))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{CleanupDecisions.Describe(decision, lang)}</li>");
        }

        html.Append("</ul>");
    }
}
