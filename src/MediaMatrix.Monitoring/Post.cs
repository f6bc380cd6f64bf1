namespace MediaMatrix.Monitoring;

/// <summary>
/// One published item (发布信息). <see cref="PublishedAt"/> is null when the page gave no date we
/// could read: such a post is kept and counted in poll health, but it is never an update.
/// <see cref="Pinned"/> marks a 置顶 item, which says nothing about how fresh the account is.
/// </summary>
public sealed record Post(
    string Id,
    string Title,
    string? Link,
    DateTimeOffset? PublishedAt,
    bool Pinned = false,
    PostMetrics? Metrics = null);

/// <summary>Engagement figures a source shows beside a post (阅读, 点赞, 评论) and the account's followers (粉丝), when its profile reads them.</summary>
public sealed record PostMetrics(long? Reads = null, long? Likes = null, long? Comments = null, long? Followers = null)
{
    public bool IsEmpty => Reads is null && Likes is null && Comments is null && Followers is null;
}
