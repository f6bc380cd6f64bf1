using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Polling;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly PollSchedule Schedule = new(new PollOptions());

    private static Account Of(Tier tier, TimeSpan? interval = null) => new("a", "a", Platform.Weibo, tier, "d",
        new Source(SourceKind.Feed, new Uri("http://example.org/")), interval);

    [Theory]
    [InlineData(Tier.Head, 1)]
    [InlineData(Tier.Member, 4)]
    public void AfterSuccess_WithoutJitter_IsTheTierInterval(Tier tier, int hours)
    {
        Assert.Equal(Now.AddHours(hours), Schedule.AfterSuccess(Of(tier), Now, random01: 0.5));
    }

    [Fact]
    public void AfterSuccess_ConfiguredIntervalWins()
    {
        Assert.Equal(Now.AddMinutes(30), Schedule.AfterSuccess(Of(Tier.Member, TimeSpan.FromMinutes(30)), Now, 0.5));
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(1.0, 1.1)]
    public void Jitter_StaysWithinTenPercent(double random01, double factor)
    {
        Assert.Equal(Now + TimeSpan.FromHours(4 * factor), Schedule.AfterSuccess(Of(Tier.Member), Now, random01));
    }

    [Theory]
    [InlineData(1, 1)]        // 1 m
    [InlineData(2, 5)]        // 5 m
    [InlineData(4, 60)]       // 1 h
    [InlineData(8, 1440)]     // 24 h
    [InlineData(50, 1440)]    // never dropped: the last step repeats
    public void AfterFailure_ClimbsTheLadder(int failures, int minutes)
    {
        Assert.Equal(Now.AddMinutes(minutes), Schedule.AfterFailure(Of(Tier.Member), failures, null, Now, 0.5));
    }

    [Fact]
    public void AfterFailure_RetryAfterIsAFloor()
    {
        Assert.Equal(Now.AddHours(1), Schedule.AfterFailure(Of(Tier.Member), 1, TimeSpan.FromHours(1), Now, 0.5));
    }

    [Fact]
    public void FirstDue_IsWithinAMinute()
    {
        var due = Schedule.FirstDue(Of(Tier.Member), Now, 0.99);
        Assert.InRange(due, Now, Now.AddMinutes(1));
    }
}

/// <summary>The ladder as a story: failures climb, successes step down one at a time, the top repeats.</summary>
public sealed class BackoffLadderStoryTests
{
    private static readonly PollSchedule Schedule = new(new PollOptions());

    [Fact]
    public void FailuresClimb_SuccessesDropOneLevel_NeverDropped()
    {
        var level = 0;
        for (var i = 0; i < 20; i++)
        {
            level = Schedule.LevelAfterFailure(level);
        }

        Assert.Equal(8, level);                            // 20 failures: at the top (24 h), still polled
        level = PollSchedule.LevelAfterSuccess(level);
        Assert.Equal(7, level);                            // one success: one step down, not back to 1 m
        level = Schedule.LevelAfterFailure(level);
        Assert.Equal(8, level);                            // a flapping source stays spaced out
        for (var i = 0; i < 10; i++)
        {
            level = PollSchedule.LevelAfterSuccess(level);
        }

        Assert.Equal(0, level);                            // healthy again after enough successes
    }

    [Theory]
    [InlineData(null, 240)]   // unknown: the configured interval (member 4 h)
    [InlineData(0, 720)]      // silent week: the longest (12 h)
    [InlineData(7, 720)]      // daily: a day, clamped to 12 h
    [InlineData(28, 360)]     // four a day: 6 h
    [InlineData(1000, 30)]    // very busy: clamped to 30 m
    public void Adaptive_IsAWeekOverPostsLastWeekClamped(int? postsLastWeek, int minutes)
    {
        var schedule = new PollSchedule(new PollOptions { Adaptive = true });
        var account = new Account("a", "a", Platform.Weibo, Tier.Member, "d", new Source(SourceKind.Feed, new Uri("http://example.org/")));

        Assert.Equal(TimeSpan.FromMinutes(minutes), schedule.IntervalOf(account, postsLastWeek));
    }
}
