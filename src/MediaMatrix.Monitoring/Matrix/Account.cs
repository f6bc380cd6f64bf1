namespace MediaMatrix.Monitoring.Matrix;

/// <summary>The platform an account publishes on. Config spells these in lower case.</summary>
public enum Platform { Wechat, Weibo, Douyin, Toutiao, Kuaishou, Bilibili, App, Website, Other }

/// <summary>The "1" of a "1+N" matrix is the head; the N are members.</summary>
public enum Tier { Head, Member }

/// <summary>How a source's body is read: a feed (RSS 2.0 / RSS 1.0 / Atom / JSON Feed, detected), an HTML list page through a profile, or JSON through a profile.</summary>
public enum SourceKind { Feed, Html, Json }

/// <summary>
/// Where an account's public posts are read from. <see cref="Headers"/> are extra request headers
/// (a cookie a self-hosted RSSHub's Weibo route needs) as written in config: values may hold
/// <c>${ENV_NAME}</c> references, expanded only when a request is sent, so a secret never sits in
/// the loaded config, its logs or its error messages.
/// </summary>
public sealed record Source(SourceKind Kind, Uri Url, string? Profile = null, IReadOnlyDictionary<string, string>? Headers = null);

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

    /// <summary>The account's record in the registry file (<c>registry:</c>), or null: not filed, or no registry read.</summary>
    public Filing? Filing { get; init; }

    // Value equality over the contacts' contents, not the list instance: configs read twice must compare equal.
    public bool Equals(Account? other) =>
        other is not null && Id == other.Id && Name == other.Name && Platform == other.Platform && Tier == other.Tier &&
        Department == other.Department && Source == other.Source && PollInterval == other.PollInterval && Contacts.SequenceEqual(other.Contacts) &&
        Filing == other.Filing;

    public override int GetHashCode() => HashCode.Combine(Id, Name, Platform, Tier, Department, Source, PollInterval, Contacts.Count);
}
