namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// What an evaluation rests on, as an inspector asks for it: the newest dated post at T (its date is the bulletin's
/// 检查时更新日期), the last successful read of the source, and the findings that vetoed. Kept with the evaluation, so a
/// verdict can be shown, and argued, after the posts have expired.
/// </summary>
public sealed record Evidence(EvidencePost? Newest, DateTimeOffset? LastReadAt)
{
    /// <summary>The active findings (manual, or confirmed content findings) that vetoed the account at T.</summary>
    public IReadOnlyList<string> FindingIds { get; init; } = [];
}

/// <summary>A post as evidence: enough to find it again and to say how precisely its date was stated.</summary>
public sealed record EvidencePost(string Id, string Title, string? Link, DateTimeOffset PublishedAt, DatePrecision Precision)
{
    public static EvidencePost Of(Post post) => new(post.Id, post.Title, post.Link, post.PublishedAt!.Value, post.Precision);
}
