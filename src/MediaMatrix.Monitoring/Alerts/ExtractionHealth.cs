using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>
/// Whether an account's source is read but no longer understood (a layout change: 采集规则 needs updating). The one
/// place that decides it: the poller's own signal (N empty polls in a row after a page used to yield posts), or a
/// source that keeps failing to parse at all (not a feed any more, a maintenance page).
/// </summary>
public static class ExtractionHealth
{
    public static bool IsBroken(PollState? poll, int after) =>
        poll is not null && (poll.ExtractionBroken
            || (poll.LastErrorClass is FetchErrorClass.Parse or FetchErrorClass.Empty && poll.ConsecutiveFailures >= after));
}
