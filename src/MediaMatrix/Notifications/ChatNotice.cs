namespace MediaMatrix.Notifications;

/// <summary>An alert transition worth telling a group chat about: opened, resolved, or a reminder while still open.</summary>
internal enum NoticeTransition { Opened, Resolved, Reminder }

internal enum NoticeSeverity { Info, Warning, Critical }

/// <summary>One notice, before it is shaped for a platform. Title and text are plain text; each payload encodes them.</summary>
internal sealed record ChatNotice(NoticeTransition Transition, NoticeSeverity Severity, string Department, string Title, string Text, Uri? Link = null);

internal enum ChatChannel { WeCom, DingTalk, Feishu, Webhook }

/// <summary>One configured destination (<c>Notifications:Routes</c>): where, how, and which notices.</summary>
internal sealed record ChatRoute
{
    public ChatChannel Channel { get; init; }

    public Uri Url { get; init; } = new("http://127.0.0.1/");

    /// <summary>DingTalk's and Feishu's signing secret ("加签"); none for WeCom and the generic webhook.</summary>
    public string? Secret { get; init; }

    public NoticeSeverity MinSeverity { get; init; } = NoticeSeverity.Warning;

    /// <summary>Only notices about these departments; empty = all.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    public bool Accepts(ChatNotice notice) =>
        notice.Severity >= MinSeverity && (Departments.Count == 0 || Departments.Contains(notice.Department, StringComparer.Ordinal));
}
