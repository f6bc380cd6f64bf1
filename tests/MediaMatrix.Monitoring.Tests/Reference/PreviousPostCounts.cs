using System.Buffers;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Tests.Reference;

/// <summary>
/// <see cref="PostCounts"/> as it was before benchmark S1 (one loop over the <see cref="Post"/> objects with a pooled
/// buffer, commit 1f3c132, verbatim), kept only as the oracle the sorted-array version must agree with on any input, and
/// as benchmark S1's "before".
/// </summary>
internal static class PreviousPostCounts
{
    private static readonly long Day = TimeSpan.TicksPerDay;

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
