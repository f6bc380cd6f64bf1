namespace MediaMatrix.Monitoring.Matrix;

/// <summary>The platform an account publishes on. Config spells these in lower case.</summary>
public enum Platform { Wechat, Weibo, Douyin, Toutiao, Kuaishou, Bilibili, App, Website, Other }

/// <summary>The "1" of a "1+N" matrix is the head; the N are members.</summary>
public enum Tier { Head, Member }

/// <summary>How a source's body is read: a feed (RSS 2.0 / RSS 1.0 / Atom / JSON Feed, detected), an HTML list page through a profile, or JSON through a profile.</summary>
public enum SourceKind { Feed, Html, Json }

/// <summary>Where an account's public posts are read from.</summary>
public sealed record Source(SourceKind Kind, Uri Url, string? Profile = null);

/// <summary>One official account in the matrix.</summary>
public sealed record Account(
    string Id,
    string Name,
    Platform Platform,
    Tier Tier,
    string Department,
    Source Source,
    TimeSpan? PollInterval = null)
{
    /// <summary>Who answers for the account (<c>accounts[].contacts</c>): the department's weekly digest goes to them.</summary>
    public IReadOnlyList<string> Contacts { get; init; } = [];
}
