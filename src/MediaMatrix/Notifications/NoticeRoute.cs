using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Notifications;

/// <summary>Where notices go. Config spells them in lower case (<c>wecom</c>, <c>dingtalk</c> …); so do metrics labels.</summary>
internal enum RouteKind { WeCom, DingTalk, Feishu, Webhook, Email }

/// <summary>One configured destination (<c>Notifications:Routes:i</c>): where, how, and which notices.</summary>
internal sealed record NoticeRoute
{
    /// <summary>Stable name, part of every notice key: <c>Name</c> when configured, else the kind and a hash of the
    /// destination, so reordering the routes does not re-send anything.</summary>
    public required string Id { get; init; }

    public required RouteKind Kind { get; init; }

    /// <summary>The robot's webhook address (chat kinds and webhook); null for e-mail.</summary>
    public Uri? Url { get; init; }

    /// <summary>E-mail addresses, one message (and one notice record) each; empty for the other kinds.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>DingTalk's and Feishu's signing secret (加签 / 签名校验); none for the other kinds.</summary>
    public string? Secret { get; init; }

    public AlertSeverity MinSeverity { get; init; } = AlertSeverity.Warning;

    /// <summary>Only notices about these departments; empty = all.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>A reminder every this long while an alert stays open and unacknowledged; zero = no reminders.</summary>
    public TimeSpan ReminderInterval { get; init; } = NotificationOptions.DefaultReminderInterval;

    /// <summary>The kind as config and the metrics label spell it.</summary>
    public string Label => Kind.ToString().ToLowerInvariant();

    public bool Accepts(AlertNotice notice) =>
        notice.Severity >= MinSeverity && (Departments.Count == 0 || notice.Departments.Any(d => Departments.Contains(d, StringComparer.Ordinal)));
}
