using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Matches one account's posts against every task it owes in a single pass (benchmark S1: 10,000 accounts × 90 days).
/// A post inside some owed task's window is reduced once, whatever the number of tasks: its title to shared-bigram counts
/// against all tasks at once, its link normalised only if some task's link could match it. Posts that could not beat a
/// task's current best (earlier, then lower id) are not examined for it. Not thread-safe: it is the scratch space of one
/// run, reused for every account.
/// </summary>
internal sealed class AccountMatching(ReducedTasks reduced)
{
    private readonly int[] shared = new int[reduced.Tasks.Count];
    private readonly int[] used = new int[reduced.Titles.EntryTasks.Length];
    private readonly int[] usedStamp = new int[reduced.Titles.EntryTasks.Length];
    private char[] chars = new char[128];
    private Best[] best = new Best[8];
    private int stamp;

    /// <summary>
    /// The account's standing on each task in <paramref name="owed"/> (indexes into the reduced tasks), written to the
    /// same index of <paramref name="results"/>. The earliest post published from issue time up to <paramref name="now"/>
    /// that links to the head post or carries the task's title completes it (ties: the lower post id); undated posts and
    /// posts before issue time never count. With <paramref name="newestFirst"/> (the store's order: dated posts, newest
    /// first) only the posts from the earliest issue time on are visited, oldest first, and the walk ends once no later
    /// post could beat any task's best; the result is the same whatever the order.
    /// </summary>
    public void Match(string accountId, IReadOnlyList<Post> posts, ReadOnlySpan<int> owed, DateTimeOffset now, Span<TaskCompletion> results,
        bool newestFirst = false)
    {
        if (best.Length < owed.Length)
        {
            best = new Best[Math.Max(owed.Length, best.Length * 2)];
        }

        var from = long.MaxValue;
        for (var j = 0; j < owed.Length; j++)
        {
            best[j] = default;
            from = Math.Min(from, reduced.IssuedTicks[owed[j]]);
        }

        // Every post is visited (the order is the caller's), so this loop is kept small: a List's array is walked
        // directly, and the rare post inside a task's window is examined out of line.
        var nowTicks = now.UtcTicks;
        var all = posts switch
        {
            List<Post> list => CollectionsMarshal.AsSpan(list),
            Post[] array => array,
            _ => [.. posts],
        };
        if (newestFirst)
        {
            MatchOldestFirst(all, from, nowTicks, owed);
        }
        else
        {
            foreach (var post in all)
            {
                if (post.PublishedAt is { } at && at.UtcTicks <= nowTicks && at.UtcTicks >= from)
                {
                    Examine(post, at.UtcTicks, owed);
                }
            }
        }

        for (var j = 0; j < owed.Length; j++)
        {
            var task = reduced.Tasks[owed[j]];
            results[j] = best[j].Post is not { } found
                ? new TaskCompletion(task.Id, accountId, CompletionStatus.Missing)
                : new TaskCompletion(task.Id, accountId, best[j].Ticks <= task.Deadline.UtcTicks ? CompletionStatus.OnTime : CompletionStatus.Late,
                    best[j].Match, found.Id, best[j].Similarity);
        }
    }

    // Posts newest first: the window [from, now] is a prefix, found by binary search and walked backwards (oldest
    // first). A task's best is the earliest match, so once every task has one older than the post at hand, no later post
    // can beat it and the rest of the window is skipped.
    private void MatchOldestFirst(ReadOnlySpan<Post> newestFirst, long from, long nowTicks, ReadOnlySpan<int> owed)
    {
        int low = 0, high = newestFirst.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (newestFirst[middle].PublishedAt is { } at && at.UtcTicks >= from)
                low = middle + 1;
            else
                high = middle;
        }

        for (var i = low - 1; i >= 0; i--)
        {
            var ticks = newestFirst[i].PublishedAt!.Value.UtcTicks;
            if (ticks > nowTicks)
                break;
            if (AllSettledBefore(ticks, owed.Length))
                break;
            Examine(newestFirst[i], ticks, owed);
        }
    }

    private bool AllSettledBefore(long ticks, int owed)
    {
        for (var j = 0; j < owed; j++)
        {
            if (best[j].Post is null || best[j].Ticks >= ticks)
                return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Examine(Post post, long at, ReadOnlySpan<int> owed)
    {
        var titleReduced = false;
        var postBigrams = 0;
        var linkNormalised = false;
        string? link = null;
        var verbatim = post.Link is not null && TaskLink.IsVerbatim(post.Link);
        for (var j = 0; j < owed.Length; j++)
        {
            var task = owed[j];
            if (at < reduced.IssuedTicks[task] || !CouldBeat(in best[j], post, at))
            {
                continue;
            }

            // A link to the head post is proof; a close title is the fallback for reposts that drop the link.
            if (reduced.Links[task] is { } taskLink && post.Link is not null && (!verbatim || taskLink.ContainsPieces(post.Link)))
            {
                if (!linkNormalised)
                {
                    link = PostLink.Normalise(post.Link);
                    linkNormalised = true;
                }

                if (link == taskLink.Normalised)
                {
                    best[j] = new Best(post, at, CompletionMatch.Link, null);
                    continue;
                }
            }

            if (!titleReduced)
            {
                postBigrams = CountSharedBigrams(post.Title);
                titleReduced = true;
            }

            var score = TitleSimilarity.Score(shared[task], reduced.Titles.BigramCount(task), postBigrams);
            if (score >= reduced.Threshold)
            {
                best[j] = new Best(post, at, CompletionMatch.Title, score);
            }
        }
    }

    private static bool CouldBeat(in Best current, Post post, long at) =>
        current.Post is null || at < current.Ticks || (at == current.Ticks && string.CompareOrdinal(post.Id, current.Post.Id) < 0);

    /// <summary>Fills <see cref="shared"/> with |A∩B| for every task's title A and this title B; returns |B|.</summary>
    private int CountSharedBigrams(string title)
    {
        var core = TitleCore.Reduce(title, ref chars);
        Array.Clear(shared);
        stamp++;
        var count = TitleBigrams.Count(core.Length);
        var titles = reduced.Titles;
        var entryTasks = titles.EntryTasks;
        var entryCounts = titles.EntryCounts;
        for (var i = 0; i < count; i++)
        {
            var length = titles.Find(TitleBigrams.At(core, i), out var start);
            // A bigram shared min(times in A, times in B) times: each entry is used up to its count within one title.
            for (var e = start; e < start + length; e++)
            {
                if (usedStamp[e] != stamp)
                {
                    (usedStamp[e], used[e]) = (stamp, 0);
                }

                if (used[e] < entryCounts[e])
                {
                    used[e]++;
                    shared[entryTasks[e]]++;
                }
            }
        }

        return count;
    }

    private readonly record struct Best(Post? Post, long Ticks, CompletionMatch Match, double? Similarity);
}
