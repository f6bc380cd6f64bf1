namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// How many dated posts fell in the windows ending at T, the latest one not after T, and over the long-term window
/// (default 90 days) the count and the longest silent gap: between posts, from the last post to T, and from the window's
/// start to the first post in it, but that edge only when a post from before the window is known. A feed lists only its
/// newest items (often 20), so for an account that posts a lot the time before its oldest listed post is unknown, not silence.
/// </summary>
public readonly record struct PostCounts(DateTimeOffset? LastPostAt, int Last7d, int Last14d, int Last30d, int LongTerm = 0, TimeSpan LongestGap = default)
{
    private const long Day = TimeSpan.TicksPerDay;

    public static PostCounts At(PublicationTimes times, DateTimeOffset now) => At(times, now, TimeSpan.FromDays(90));

    /// <remarks>Run for every account at every evaluation (benchmark S1: 10,000 accounts × 90 days, ≤ 5 ms), so it reads the
    /// sorted instants directly: one forward pass over the window (the order the hardware prefetches) for the gaps, then a
    /// walk back over the last 30 days, still in cache, for the counts; nothing is allocated. Each loop keeps its few
    /// variables in registers. Windows include their start: a post exactly 14 days before T is in the 14-day window.</remarks>
    public static PostCounts At(PublicationTimes times, DateTimeOffset now, TimeSpan longTerm)
    {
        var nowTicks = now.UtcTicks;
        var windowStart = nowTicks - longTerm.Ticks;
        var ticks = times.UtcTicks;

        // The store keeps twice the long-term window, so the window's start may need a binary search; a feed's items
        // usually all fall inside it. A post from before the window proves the silence since the window's start;
        // without one, that time is unknown. Nothing in the window at all is silence for the whole window.
        var fromWindow = ticks.IsEmpty || ticks[0] >= windowStart ? 0 : times.CountBefore(windowStart);
        var end = fromWindow;
        var earlier = fromWindow > 0 || ticks.Length == fromWindow || ticks[fromWindow] > nowTicks ? windowStart : ticks[fromWindow];
        var longest = 0L;
        for (; end < ticks.Length; end++)
        {
            // Posts after T did not exist at T.
            var t = ticks[end];
            if (t > nowTicks)
            {
                break;
            }

            longest = Math.Max(longest, t - earlier);
            earlier = t;
        }

        var from7 = CountBack(ticks, end, nowTicks - (7 * Day));
        var from14 = CountBack(ticks, from7, nowTicks - (14 * Day));
        var from30 = CountBack(ticks, from14, nowTicks - (30 * Day));
        return new PostCounts(end == 0 ? null : times.At(end - 1), end - from7, end - from14, end - from30, end - fromWindow,
            TimeSpan.FromTicks(Math.Max(longest, nowTicks - earlier)));
    }

    /// <summary>Walks back from <paramref name="end"/> over instants at or after <paramref name="since"/>; returns where it stopped.</summary>
    private static int CountBack(ReadOnlySpan<long> ticks, int end, long since)
    {
        while (end > 0 && ticks[end - 1] >= since)
        {
            end--;
        }

        return end;
    }
}
