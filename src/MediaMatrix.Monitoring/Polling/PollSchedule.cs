using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>Decides when an account is polled next: its interval with jitter after a success, the back-off ladder after a failure.</summary>
public sealed class PollSchedule(PollOptions options)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public TimeSpan IntervalOf(Account account) =>
        account.PollInterval ?? (account.Tier == Tier.Head ? options.HeadInterval : options.MemberInterval);

    /// <summary>
    /// The interval after a success. With <see cref="PollOptions.Adaptive"/> and a known post count it is
    /// a week ÷ posts last week (an account posting 20 times a week is read every ~8 h), clamped; a silent
    /// week gives the longest interval. Never longer than the maximum, so a dormant account that wakes up is seen the same day.
    /// </summary>
    public TimeSpan IntervalOf(Account account, int? postsLastWeek)
    {
        if (!options.Adaptive || postsLastWeek is not { } posts)
        {
            return IntervalOf(account);
        }

        var adaptive = posts <= 0 ? options.AdaptiveMaxInterval : Week / posts;
        return adaptive < options.AdaptiveMinInterval ? options.AdaptiveMinInterval
            : adaptive > options.AdaptiveMaxInterval ? options.AdaptiveMaxInterval
            : adaptive;
    }

    public DateTimeOffset AfterSuccess(Account account, DateTimeOffset now, double random01, int? postsLastWeek = null) =>
        now + Jittered(IntervalOf(account, postsLastWeek), random01);

    /// <param name="backoffLevel">The ladder step the source is on after this failure (1 = first step).</param>
    public DateTimeOffset AfterFailure(Account account, int backoffLevel, TimeSpan? retryAfter, DateTimeOffset now, double random01)
    {
        // Polling:BackoffLadder is checked to have at least one step at start-up.
        var ladder = options.BackoffLadder;
        var step = ladder[Math.Clamp(backoffLevel - 1, 0, ladder.Count - 1)];
        // Retry-After is a floor: the site told us when it wants to hear from us again.
        if (retryAfter is { } floor && floor > step)
        {
            step = floor;
        }

        return now + Jittered(step, random01);
    }

    /// <summary>The ladder step after a failure: one up, never past the top (the top repeats; a source is never dropped).</summary>
    public int LevelAfterFailure(int level) => Math.Min(level + 1, options.BackoffLadder.Count);

    /// <summary>The ladder step after a success: one down, not back to the bottom, so a flapping source stays spaced out.</summary>
    public static int LevelAfterSuccess(int level) => Math.Max(0, level - 1);

    /// <summary>
    /// A never-polled account is due within the first ten seconds (spread, so a cold start does not poll
    /// everything in the same second): an operator who starts the monitor wants verdicts, not a wait.
    /// </summary>
    public DateTimeOffset FirstDue(Account account, DateTimeOffset now, double random01) =>
        now + TimeSpan.FromTicks((long)(Math.Min(IntervalOf(account).Ticks / 10, 10 * TimeSpan.TicksPerSecond) * random01));

    private TimeSpan Jittered(TimeSpan span, double random01) =>
        TimeSpan.FromTicks((long)(span.Ticks * (1 + options.Jitter * (2 * random01 - 1))));
}
