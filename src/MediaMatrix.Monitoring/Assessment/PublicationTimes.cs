namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// An account's dated posts as the frequency part reads them: publication instants as UTC ticks, oldest first, in one
/// contiguous array, and their UTC offsets (the reasons print the last post in its own offset): one for all when they
/// share it, as an account's posts do, else one per instant. Built once
/// when the posts are read (<see cref="AssessmentInput"/> does it), so <see cref="PostCounts"/> at any T is a few binary
/// searches and one pass over the long-term window, with no allocation: benchmark S1 asks for 10,000 accounts in ≤ 5 ms.
/// Undated posts are left out (they are never an update). Posts after some T are kept: T is the caller's (<c>check --now</c>),
/// and <see cref="PostCounts.At(PublicationTimes, DateTimeOffset, TimeSpan)"/> ignores what is after it.
/// </summary>
public sealed class PublicationTimes
{
    public static readonly PublicationTimes None = new([], 0, null, null);

    private readonly long[] utcTicks;
    private readonly short commonOffset;
    private readonly short[]? offsetMinutes;

    // Date-only posts (DatePrecision.Day): their instants (the start of the day in the matrix zone), ascending; null when
    // there are none, as for most accounts, so S1 pays nothing for them.
    private readonly long[]? dayStarts;

    private PublicationTimes(long[] utcTicks, short commonOffset, short[]? offsetMinutes, long[]? dayStarts)
    {
        this.utcTicks = utcTicks;
        this.commonOffset = commonOffset;
        this.offsetMinutes = offsetMinutes;
        this.dayStarts = dayStarts;
    }

    /// <summary>Dated posts, same instants counted as often as they occur.</summary>
    public int Count => utcTicks.Length;

    /// <summary>Publication instants, UTC ticks, oldest first.</summary>
    public ReadOnlySpan<long> UtcTicks => utcTicks;

    /// <summary>
    /// From the store's timeline scores (<c>IPostStore.GetPublicationTimesAsync</c>): UTC ticks ascending and the day starts
    /// of date-only posts, no <see cref="Post"/> read. Only instants at or after <paramref name="from"/> are kept; the
    /// arrays are taken over, not copied, when nothing is cut (the usual case: the store was asked from the same instant).
    /// The scores keep no offset, so each instant is given the offset of <paramref name="zone"/> at that instant: the
    /// reasons then print times in the matrix's zone, where people read them.
    /// </summary>
    public static PublicationTimes Of(long[] utcAscending, long[]? dayStartsAscending, TimeZoneInfo zone, DateTimeOffset from)
    {
        var ticks = From(utcAscending, from.UtcTicks);
        if (ticks.Length == 0)
        {
            return None;
        }

        var days = dayStartsAscending is null ? null : From(dayStartsAscending, from.UtcTicks);
        short common;
        short[]? offsets = null;
        if (!zone.SupportsDaylightSavingTime)
        {
            common = (short)zone.BaseUtcOffset.TotalMinutes;
        }
        else
        {
            offsets = new short[ticks.Length];
            for (var i = 0; i < ticks.Length; i++)
            {
                offsets[i] = (short)zone.GetUtcOffset(new DateTime(ticks[i], DateTimeKind.Utc)).TotalMinutes;
            }

            common = offsets[0];
        }

        return new PublicationTimes(ticks, common, offsets, days is { Length: > 0 } ? days : null);
    }

    private static long[] From(long[] ascending, long ticks)
    {
        var first = FirstIndex(ascending, ticks, orEqual: true);
        return first == 0 ? ascending : ascending[first..];
    }

    /// <summary>Any order; the store's (newest first) and oldest first cost no sort.</summary>
    public static PublicationTimes Of(IReadOnlyList<Post> posts)
    {
        var dated = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            dated += posts[i].PublishedAt is null ? 0 : 1;
        }

        if (dated == 0)
        {
            return None;
        }

        var ticks = new long[dated];
        List<long>? days = null;
        short common = 0;
        short[]? offsets = null;
        bool ascending = true, descending = true;
        var n = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            if (posts[i].PublishedAt is not { } at)
            {
                continue;
            }

            ticks[n] = at.UtcTicks;
            if (posts[i].Precision == DatePrecision.Day)
            {
                (days ??= []).Add(at.UtcTicks);
            }

            var offset = (short)at.TotalOffsetMinutes;
            if (n == 0)
            {
                common = offset;
            }
            else
            {
                ascending &= ticks[n - 1] <= ticks[n];
                descending &= ticks[n - 1] >= ticks[n];
                if (offsets is null && offset != common)
                {
                    offsets = new short[dated];
                    offsets.AsSpan(0, n).Fill(common);
                }
            }

            if (offsets is not null)
            {
                offsets[n] = offset;
            }

            n++;
        }

        if (!ascending && descending)
        {
            ticks.AsSpan().Reverse();
            offsets.AsSpan().Reverse();
        }
        else if (!ascending && offsets is null)
        {
            Array.Sort(ticks);
        }
        else if (!ascending)
        {
            Array.Sort(ticks, offsets);
        }

        days?.Sort();
        return new PublicationTimes(ticks, common, offsets, days?.ToArray());
    }

    /// <summary>
    /// The end of the day of the latest date-only post published by <paramref name="now"/> (its start not after it), or null.
    /// The veto boundary and the early warning count a date-only post as published then: the source did not say when in
    /// the day, and the benefit of the doubt goes to the department. The day is the matrix zone's (the post's instant is
    /// that zone's midnight and carries its offset); a zone that changes its offset within that day would be off by the change.
    /// </summary>
    public DateTimeOffset? LatestDayEnd(DateTimeOffset now)
    {
        if (dayStarts is null)
        {
            return null;
        }

        var i = Array.BinarySearch(dayStarts, now.UtcTicks);
        var last = i >= 0 ? i : ~i - 1;
        while (i >= 0 && last + 1 < dayStarts.Length && dayStarts[last + 1] == now.UtcTicks)
        {
            last++;
        }

        if (last < 0)
        {
            return null;
        }

        var start = dayStarts[last];
        var offset = OffsetOf(start);
        return new DateTimeOffset(start + offset.Ticks + TimeSpan.TicksPerDay - 1, offset);
    }

    private TimeSpan OffsetOf(long utc)
    {
        var index = CountBefore(utc);
        return index < utcTicks.Length ? At(index).Offset : TimeSpan.FromMinutes(commonOffset);
    }

    /// <summary>The instant at <paramref name="index"/> (oldest first) in the offset its post gave.</summary>
    public DateTimeOffset At(int index)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes is null ? commonOffset : offsetMinutes[index]);
        return new DateTimeOffset(utcTicks[index] + offset.Ticks, offset);
    }

    /// <summary>How many instants are before <paramref name="ticks"/>: the index of the first at or after it.</summary>
    public int CountBefore(long ticks) => FirstIndex(utcTicks, ticks, orEqual: true);

    /// <summary>How many instants are at or before <paramref name="ticks"/>: the index of the first after it.</summary>
    public int CountUpTo(long ticks) => FirstIndex(utcTicks, ticks, orEqual: false);

    private static int FirstIndex(ReadOnlySpan<long> ascending, long ticks, bool orEqual)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var value = ascending[middle];
            if (value > ticks || (orEqual && value == ticks))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
