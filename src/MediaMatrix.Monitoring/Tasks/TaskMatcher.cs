namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Decides whether an account has completed one task, from its posts, as things stood at an instant. The task's
/// link and title are reduced once here, because one task is matched against every member's posts.
/// </summary>
public sealed class TaskMatcher
{
    private readonly string? link;
    private readonly Bigrams title;
    private readonly double threshold;

    public TaskMatcher(ClusterTask task, TaskMatchOptions options)
    {
        Task = task;
        link = task.Link is null ? null : PostLink.Normalise(task.Link);
        title = Bigrams.Of(TitleSimilarity.Core(task.Title));
        threshold = options.TitleSimilarity;
    }

    public ClusterTask Task { get; }

    /// <summary>
    /// The account's standing at <paramref name="now"/>. A manual record wins outright. Otherwise the earliest post
    /// published from issue time up to <paramref name="now"/> that links to the head post or carries the task's
    /// title completes the task: on time by the deadline, late after it. Posts before issue time (the account's
    /// own earlier item on the same subject) and undated posts never count.
    /// </summary>
    public TaskCompletion Match(string accountId, IEnumerable<Post> posts, ManualCompletion? manual, DateTimeOffset now)
    {
        if (manual is not null)
            return new TaskCompletion(Task.Id, accountId, CompletionStatus.Manual, CompletionMatch.Manual, Manual: manual);

        TaskCompletion? best = null;
        DateTimeOffset bestAt = default;
        foreach (var post in posts)
        {
            if (post.PublishedAt is not { } at || at < Task.Issued || at > now)
                continue;
            if (best is not null && (at > bestAt || (at == bestAt && string.CompareOrdinal(post.Id, best.PostId) >= 0)))
                continue;
            if (Recognise(post) is not { } found)
                continue;

            var status = at <= Task.Deadline ? CompletionStatus.OnTime : CompletionStatus.Late;
            best = new TaskCompletion(Task.Id, accountId, status, found.Match, post.Id, found.Similarity);
            bestAt = at;
        }

        return best ?? new TaskCompletion(Task.Id, accountId, CompletionStatus.Missing);
    }

    /// <summary>A link to the head post is proof; a close title is the fallback for reposts that drop the link.</summary>
    private (CompletionMatch Match, double? Similarity)? Recognise(Post post)
    {
        if (link is not null && PostLink.Normalise(post.Link) == link)
            return (CompletionMatch.Link, null);

        var score = TitleSimilarity.Score(title, Bigrams.Of(TitleSimilarity.Core(post.Title)));
        return score >= threshold ? (CompletionMatch.Title, score) : null;
    }
}
