using System.Buffers;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// How many dated posts fell in the windows ending at T, the latest one not after T, and over the long-term window
/// (default 90 days) the count and the longest silent gap: between posts, from the last post to T, and from the window's
/// start to the first post in it, but that edge only when a post from before the window is known. A feed lists only its
/// newest items (often 20), so for an account that posts a lot the time before its oldest listed post is unknown, not silence.
/// </summary>
public readonly record struct PostCounts(DateTimeOffset? LastPostAt, int Last7d, int Last14d, int Last30d, int LongTerm = 0, TimeSpan LongestGap = default)
{
    private static readonly long Day = TimeSpan.TicksPerDay;

    public static PostCounts At(IReadOnlyList<Post> posts, DateTimeOffset now) => At(posts, now, TimeSpan.FromDays(90));

    /// <remarks>Run for every account at every evaluation (benchmark S1: 10k accounts × 90 days), so it is one plain loop over
    /// UTC ticks with a pooled buffer: no LINQ, no per-post allocation. The store returns posts newest first; then the gaps
    /// need no sort. Any other order is sorted first.</remarks>
    public static PostCounts At(IReadOnlyList<Post> posts, DateTimeOffset now, TimeSpan longTerm)
    {
        var nowTicks = now.UtcTicks;
        long since7 = nowTicks - (7 * Day), since14 = nowTicks - (14 * Day), since30 = nowTicks - (30 * Day);
        var windowStart = nowTicks - longTerm.Ticks;
        DateTimeOffset? last = null;
        var lastTicks = long.MinValue;
        int d7 = 0, d14 = 0, d30 = 0, inWindow = 0;
        var newestFirst = true;
        var olderKnown = false;

        var ticks = ArrayPool<long>.Shared.Rent(Math.Max(1, posts.Count));
        try
        {
            for (var i = 0; i < posts.Count; i++)
            {
                // Undated posts never count as an update; posts after T did not exist at T.
                if (posts[i].PublishedAt is not { } at)
                {
                    continue;
                }

                var t = at.UtcTicks;
                if (t > nowTicks)
                {
                    continue;
                }

                if (t > lastTicks)
                {
                    lastTicks = t;
                    last = at;
                }

                if (t >= windowStart)
                {
                    newestFirst &= inWindow == 0 || ticks[inWindow - 1] >= t;
                    ticks[inWindow++] = t;
                }
                else
                {
                    olderKnown = true;
                }

                if (t >= since30)
                {
                    d30++;
                    d14 += t >= since14 ? 1 : 0;
                    d7 += t >= since7 ? 1 : 0;
                }
            }

            var window = ticks.AsSpan(0, inWindow);
            if (!newestFirst)
            {
                window.Sort(static (a, b) => b.CompareTo(a));
            }

            // Nothing in the window at all is silence for the whole window, whatever came before.
            var knownFrom = olderKnown || inWindow == 0 ? windowStart : window[^1];
            return new PostCounts(last, d7, d14, d30, inWindow, LongestSilence(window, knownFrom, nowTicks));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ticks);
        }
    }

    /// <param name="newestFirst">Publication times in the window, newest first.</param>
    private static TimeSpan LongestSilence(ReadOnlySpan<long> newestFirst, long knownFrom, long now)
    {
        var later = now;
        var longest = 0L;
        foreach (var at in newestFirst)
        {
            longest = Math.Max(longest, later - at);
            later = at;
        }

        return TimeSpan.FromTicks(Math.Max(longest, later - knownFrom));
    }
}
