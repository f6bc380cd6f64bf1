namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// The last update as the veto boundary and the early warning count it: the latest dated post not after T, or the end
/// of the day of a date-only post (<see cref="DatePrecision.Day"/>) when that is later (<see cref="DateOnly"/>). The
/// source did not say when in that day it published, so the department gets the benefit of the doubt and the reason says so.
/// </summary>
public readonly record struct LastUpdate(DateTimeOffset At, bool DateOnly)
{
    public static LastUpdate? Of(DateTimeOffset? lastPostAt, PublicationTimes times, DateTimeOffset now)
    {
        if (lastPostAt is not { } last)
        {
            return null;
        }

        return times.LatestDayEnd(now) is { } dayEnd && dayEnd > last ? new LastUpdate(dayEnd, true) : new LastUpdate(last, false);
    }
}
