namespace MediaMatrix.Monitoring;

/// <summary>
/// One published item (发布信息). <see cref="PublishedAt"/> is null when the page gave no date we
/// could read: such a post is kept and counted in poll health, but it is never an update.
/// <see cref="Pinned"/> marks a 置顶 item, which says nothing about how fresh the account is.
/// <see cref="Precision"/> says whether the source gave a time or only a day (see <see cref="DatePrecision"/>).
/// <see cref="Text"/> is a bounded excerpt of the post's body (NFKC-normalised, HTML stripped, at most
/// <see cref="Extraction.ScrapedText.MaxTextLength"/> characters by default) for the content checks; null when the
/// source gives none (a list page without an article profile, a post read before the article was fetched).
/// </summary>
public sealed record Post(
    string Id,
    string Title,
    string? Link,
    DateTimeOffset? PublishedAt,
    bool Pinned = false,
    PostMetrics? Metrics = null,
    DatePrecision Precision = DatePrecision.Time,
    string? Text = null);

/// <summary>
/// How much of a publish time the source stated. <see cref="Time"/> (the default, and what a post stored before the
/// field existed reads as): a clock time, or an instant counted back from the reading time (3小时前). <see cref="Day"/>:
/// only the calendar day (2024-03-05, 昨天, 3天前); the post's instant is the start of that day in the matrix zone, and
/// the veto boundary and the early warning count it as published at the end of that day (benefit of the doubt to the
/// department, docs/extraction.md), never as a silent local midnight.
/// </summary>
public enum DatePrecision
{
    Time = 0,
    Day = 1,
}

/// <summary>Engagement figures a source shows beside a post (阅读, 点赞, 评论) and the account's followers (粉丝), when its profile reads them.</summary>
public sealed record PostMetrics(long? Reads = null, long? Likes = null, long? Comments = null, long? Followers = null)
{
    public bool IsEmpty => Reads is null && Likes is null && Comments is null && Followers is null;
}
