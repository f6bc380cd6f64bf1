using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Tests.Reference;

/// <summary>
/// <see cref="PostCounts"/> as it was before benchmark S1 (one loop over the <see cref="Post"/> objects, commit 1f3c132),
/// kept only as the oracle the sorted-array version must agree with on any input.
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
        int d7 = 0, d14 = 0, d30 = 0;
        var window = new List<long>();
        var olderKnown = false;
        foreach (var post in posts)
        {
            if (post.PublishedAt is not { } at || at.UtcTicks > nowTicks)
            {
                continue;
            }

            var t = at.UtcTicks;
            if (t > lastTicks)
            {
                lastTicks = t;
                last = at;
            }

            if (t >= windowStart)
            {
                window.Add(t);
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

        window.Sort((a, b) => b.CompareTo(a));
        var knownFrom = olderKnown || window.Count == 0 ? windowStart : window[^1];
        var later = nowTicks;
        var longest = 0L;
        foreach (var at in window)
        {
            longest = Math.Max(longest, later - at);
            later = at;
        }

        return new PostCounts(last, d7, d14, d30, window.Count, TimeSpan.FromTicks(Math.Max(longest, later - knownFrom)));
    }
}
