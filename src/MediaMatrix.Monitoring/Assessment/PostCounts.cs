using System.Buffers;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// How many dated posts fell in the windows ending at T, the latest one not after T, and over the long-term window
/// (default 90 days) the count and the longest silent gap, edges included: from the window's start to the first post,
/// between posts, and from the last post to T.
/// </summary>
public readonly record struct PostCounts(DateTimeOffset? LastPostAt, int Last7d, int Last14d, int Last30d, int LongTerm = 0, TimeSpan LongestGap = default)
{
    public static PostCounts At(IReadOnlyList<Post> posts, DateTimeOffset now) => At(posts, now, TimeSpan.FromDays(90));

    public static PostCounts At(IReadOnlyList<Post> posts, DateTimeOffset now, TimeSpan longTerm)
    {
        DateTimeOffset? last = null;
        int d7 = 0, d14 = 0, d30 = 0, inWindow = 0;
        var windowStart = (now - longTerm).UtcTicks;

        // Run at every evaluation of every account (benchmark S1): a pooled buffer and a plain loop, no LINQ.
        var ticks = ArrayPool<long>.Shared.Rent(Math.Max(1, posts.Count));
        try
        {
            for (var i = 0; i < posts.Count; i++)
            {
                // Undated posts never count as an update; posts after T did not exist at T.
                if (posts[i].PublishedAt is not { } at || at > now)
                {
                    continue;
                }

                if (last is null || at > last)
                {
                    last = at;
                }

                if (at.UtcTicks >= windowStart)
                {
                    ticks[inWindow++] = at.UtcTicks;
                }

                var age = now - at;
                if (age <= TimeSpan.FromDays(30))
                {
                    d30++;
                    if (age <= TimeSpan.FromDays(14))
                    {
                        d14++;
                        if (age <= TimeSpan.FromDays(7))
                        {
                            d7++;
                        }
                    }
                }
            }

            return new PostCounts(last, d7, d14, d30, inWindow, LongestSilence(ticks.AsSpan(0, inWindow), windowStart, now.UtcTicks));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ticks);
        }
    }

    private static TimeSpan LongestSilence(Span<long> ticks, long windowStart, long now)
    {
        ticks.Sort();
        var previous = windowStart;
        var longest = 0L;
        foreach (var at in ticks)
        {
            longest = Math.Max(longest, at - previous);
            previous = at;
        }

        return TimeSpan.FromTicks(Math.Max(longest, now - previous));
    }
}
