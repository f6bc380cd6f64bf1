using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Notifications;

/// <summary>What a notice says about an alert: it opened, it resolved, or it is still open (the n-th reminder).</summary>
internal enum NoticeTransition { Opened, Resolved, Reminder }

/// <summary>One labelled line of a notice (账号, 部门, 级别 …). Values are plain text from config, sources or operators.</summary>
internal sealed record NoticeFact(string Label, string Value);

/// <summary>
/// One notice before it is shaped for a platform. Title and facts are plain text, possibly hostile (task titles come
/// from scraped posts, names from config): every payload encodes them for its own format.
/// </summary>
internal sealed record AlertNotice(
    string AlertKey,
    NoticeTransition Transition,
    int Reminder,
    AlertSeverity Severity,
    string Kind,
    string Subject,
    IReadOnlyList<string> Departments,
    string Title,
    IReadOnlyList<NoticeFact> Facts,
    DateTimeOffset At,
    Uri? Link)
{
    /// <summary>The transition's part of the notice key: <c>opened</c>, <c>resolved</c>, <c>reminder-3</c>.</summary>
    public string TransitionKey => Transition switch
    {
        NoticeTransition.Opened => "opened",
        NoticeTransition.Resolved => "resolved",
        _ => $"reminder-{Reminder}",
    };

    /// <summary>The zh-CN heading every format starts with.</summary>
    public string Heading => Transition switch
    {
        NoticeTransition.Opened => "【告警】",
        NoticeTransition.Resolved => "【已恢复】",
        _ => $"【仍未处理·第{Reminder}次提醒】",
    };
}
