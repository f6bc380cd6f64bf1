using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Notifications;

/// <summary>Turns a stored alert and a transition into the notice the office reads: zh-CN, times in the matrix's zone,
/// the account's name and unit with its id beside it (a task alert: the accounts still missing, by name and unit).</summary>
internal static class NoticeWording
{
    public const string SeverityLabel = "级别";

    public const string ZoneLabel = "时区";

    public static AlertNotice For(Alert alert, NoticeTransition transition, int reminder, DateTimeOffset at, MatrixConfig matrix, Uri? baseUrl)
    {
        var account = matrix.Accounts.FirstOrDefault(a => a.Id == alert.Subject);
        var departments = account is not null
            ? [account.Department]
            : alert.Accounts.Select(id => matrix.Accounts.FirstOrDefault(a => a.Id == id)?.Department).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var zone = matrix.Matrix.TimeZone;

        var facts = new List<NoticeFact>();
        if (account is not null)
        {
            facts.Add(new("账号", $"{AccountLabel.Of(account)}（{account.Id}）"));
        }
        else if (PlatformIncidents.PlatformOf(alert) is { } platform)
        {
            // One notice for the whole platform: the accounts it covers are listed, not sent one by one.
            facts.Add(new("平台", Platforms.Zh(platform)));
            facts.Add(new("受影响账号", string.Join("、", alert.Accounts.Select(id => matrix.Accounts.FirstOrDefault(a => a.Id == id)?.Name ?? id))));
        }
        else
        {
            facts.Add(new("任务", alert.Subject));
            if (alert.Accounts.Count > 0)
                facts.Add(new("未完成", string.Join("、", alert.Accounts.Select(id => matrix.Accounts.FirstOrDefault(a => a.Id == id) is { } a ? AccountLabel.Of(a) : id))));
        }

        if (departments.Count > 0)
            facts.Add(new("部门", string.Join("、", departments)));
        facts.Add(new(SeverityLabel, Severity(alert.Severity)));
        facts.Add(new("发现时间", Local(alert.OpenedAt, zone)));
        switch (transition)
        {
            case NoticeTransition.Reminder:
                facts.Add(new("已持续", Span(at - alert.OpenedAt) + "，尚无人确认"));
                break;
            case NoticeTransition.Resolved:
                var resolvedAt = alert.ResolvedAt ?? at;
                facts.Add(new("恢复时间", Local(resolvedAt, zone)));
                facts.Add(new("持续", Span(resolvedAt - alert.OpenedAt)));
                facts.Add(new("处理", alert.ResolvedBy is { } by ? $"{by} 手动关闭" : "条件已消除，自动恢复"));
                break;
        }

        // One clock: the times above are the matrix's wall clock, and the notice says which zone once.
        facts.Add(new(ZoneLabel, ZoneClock.Name(zone, at)));

        return new AlertNotice(alert.Key, transition, reminder, alert.Severity, AlertKinds.Name(alert.Kind), alert.Subject, departments,
            alert.TitleZh, facts, at, AlertsPage(baseUrl));
    }

    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "严重",
        AlertSeverity.Warning => "警告",
        _ => "提示",
    };

    private static Uri? AlertsPage(Uri? baseUrl) =>
        baseUrl is { Scheme: "http" or "https" } ? new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), "alerts") : null;

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) => ZoneClock.Time(at, zone);

    private static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromHours(1))
            return $"{Math.Max(0, (int)span.TotalMinutes)} 分钟";
        if (span < TimeSpan.FromDays(1))
            return span.Minutes == 0 ? $"{(int)span.TotalHours} 小时" : $"{(int)span.TotalHours} 小时 {span.Minutes} 分钟";
        return span.Hours == 0 ? $"{span.Days} 天" : $"{span.Days} 天 {span.Hours} 小时";
    }
}
