using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>
/// Whether an account's source is read but no longer understood (a layout change: 采集规则 needs updating). The one
/// place that decides it, so it can switch to PollState's own extraction-broken signal once collection provides it.
/// </summary>
public static class ExtractionHealth
{
    public static bool IsBroken(PollState? poll, int after) =>
        poll is { LastErrorClass: FetchErrorClass.Parse or FetchErrorClass.Empty } && poll.ConsecutiveFailures >= after;
}
