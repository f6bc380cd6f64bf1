using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>Decides when an account is polled next: its interval with jitter after a success, the back-off ladder after a failure.</summary>
public sealed class PollSchedule(PollOptions options)
{
    public TimeSpan IntervalOf(Account account) =>
        account.PollInterval ?? (account.Tier == Tier.Head ? options.HeadInterval : options.MemberInterval);

    public DateTimeOffset AfterSuccess(Account account, DateTimeOffset now, double random01) =>
        now + Jittered(IntervalOf(account), random01);

    public DateTimeOffset AfterFailure(Account account, int consecutiveFailures, TimeSpan? retryAfter, DateTimeOffset now, double random01)
    {
        var ladder = options.BackoffLadder;
        var step = ladder.Count == 0 ? IntervalOf(account) : ladder[Math.Clamp(consecutiveFailures - 1, 0, ladder.Count - 1)];
        // Retry-After is a floor: the site told us when it wants to hear from us again.
        if (retryAfter is { } floor && floor > step)
        {
            step = floor;
        }

        return now + Jittered(step, random01);
    }

    /// <summary>
    /// A never-polled account is due within the first ten seconds (spread, so a cold start does not poll
    /// everything in the same second): an operator who starts the monitor wants verdicts, not a wait.
    /// </summary>
    public DateTimeOffset FirstDue(Account account, DateTimeOffset now, double random01) =>
        now + TimeSpan.FromTicks((long)(Math.Min(IntervalOf(account).Ticks / 10, 10 * TimeSpan.TicksPerSecond) * random01));

    private TimeSpan Jittered(TimeSpan span, double random01) =>
        TimeSpan.FromTicks((long)(span.Ticks * (1 + options.Jitter * (2 * random01 - 1))));
}
