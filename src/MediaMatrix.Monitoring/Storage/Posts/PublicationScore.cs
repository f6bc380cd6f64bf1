using System.Globalization;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// A dated post's score in the timeline: its publication time in unix ms, plus half a millisecond when the post is
/// date-only (<see cref="DatePrecision.Day"/>), so the timeline's scores alone say which posts are date-only
/// (docs/redis-keys.md, "Day mark"). A double holds every such score exactly (ms need 41 bits, the half one more),
/// and the half never moves a post across a whole-millisecond bound: <c>ms + 0.5 ≥ since</c> exactly when <c>ms ≥ since</c>.
/// </summary>
internal static class PublicationScore
{
    public static double Of(DateTimeOffset published, DatePrecision precision) =>
        published.ToUnixTimeMilliseconds() + (precision == DatePrecision.Day ? 0.5 : 0);

    /// <summary>The score as Redis is sent it: whole milliseconds as before the day mark, date-only ones with ".5".</summary>
    public static string Text(DateTimeOffset published, DatePrecision precision) =>
        Of(published, precision).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Twice the score, a whole number: what the Redis read returns (Lua hands numbers back as integers).</summary>
    public static long Doubled(double score) => (long)(score * 2);

    /// <summary>Sorts the timeline's scores into the two lists of <see cref="StoredTimes"/>, keeping those at or after
    /// <paramref name="since"/> to the tick (a score has no ticks below the millisecond, so `since` inside a
    /// millisecond leaves out that millisecond's posts, as <see cref="IPostStore.GetPostsAsync"/> does). Every round reads
    /// this for every account, so the arrays are sized exactly: one pass to count, one to fill.</summary>
    public static StoredTimes Times(ReadOnlySpan<long> doubledAscending, DateTimeOffset since)
    {
        int kept = 0, days = 0;
        foreach (var doubled in doubledAscending)
        {
            if (TicksOf(doubled) >= since.UtcTicks)
            {
                kept++;
                days += (int)(doubled & 1);
            }
        }

        var ticks = new long[kept];
        var dayStarts = days == 0 ? null : new long[days];
        int n = 0, d = 0;
        foreach (var doubled in doubledAscending)
        {
            var at = TicksOf(doubled);
            if (at < since.UtcTicks)
            {
                continue;
            }

            ticks[n++] = at;
            if ((doubled & 1) == 1)
            {
                dayStarts![d++] = at;
            }
        }

        return new StoredTimes(ticks, dayStarts);
    }

    private static long TicksOf(long doubled) => DateTimeOffset.UnixEpoch.Ticks + ((doubled >> 1) * TimeSpan.TicksPerMillisecond);
}
