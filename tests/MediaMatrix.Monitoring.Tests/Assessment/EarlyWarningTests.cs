using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>预警 by calendar days: "veto in N days" from day 10 of the 14, so an operator hears before an inspection fails.
/// The working-day rule is off here (<see cref="CalendarDaysOnly"/>); <see cref="WorkingDayWarningTests"/> covers it.</summary>
public sealed class EarlyWarningTests
{
    private static readonly AssessmentOptions CalendarDaysOnly = new() { EarlyWarningWorkingDays = 0 };

    private static Evaluation Evaluate(Monitoring.Matrix.Account account, IReadOnlyList<Post> posts) =>
        AccountAssessor.Evaluate(Input(account, posts), T, CalendarDaysOnly);

    [Fact]
    public void EarlyWarning_LastPostExactly10DaysAgo_WarnsVetoIn4Days()
    {
        var e = Evaluate(Education, PostsDaysAgo(10));

        Assert.Equal(4, e.VetoInDays);
        var warning = Assert.Single(e.Warnings);
        Assert.Equal("warning-veto-soon", warning.Code);
        Assert.Contains("4天后将被单项否决", warning.Zh, StringComparison.Ordinal);
        Assert.Contains("in 4 days", warning.En, StringComparison.Ordinal);
        Assert.Equal(Verdict.Qualified, e.Verdict);
    }

    [Fact]
    public void EarlyWarning_LastPostNineDaysAgo_IsQuiet()
    {
        var e = Evaluate(Education, [PostAt(T.AddDays(-10).AddSeconds(1))]);

        Assert.Null(e.VetoInDays);
        Assert.Empty(e.Warnings);
    }

    [Theory]
    [InlineData(11.0, 3)]
    [InlineData(13.5, 1)]   // part of a day left: the last day to post
    [InlineData(14.0, 0)]   // exactly at the edge: still qualified, the veto strikes with the next second
    public void EarlyWarning_CountsWholeDaysLeftRoundedUp(double lastPostDaysAgo, int expected)
    {
        var e = Evaluate(Education, PostsDaysAgo(lastPostDaysAgo));

        Assert.Equal(expected, e.VetoInDays);
    }

    [Fact]
    public void EarlyWarning_AlreadyVetoed_GivesTheVetoNotAWarning()
    {
        var e = Evaluate(Education, PostsDaysAgo(15));

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void EarlyWarning_FromDayIsConfigurable()
    {
        var e = AccountAssessor.Evaluate(Input(Education, PostsDaysAgo(7)), T, new AssessmentOptions { EarlyWarningAfter = TimeSpan.FromDays(7), EarlyWarningWorkingDays = 0 });

        Assert.Equal(7, e.VetoInDays);
    }
}
