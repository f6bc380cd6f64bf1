using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>勤勉度: 7- and 30-day counts against the tier's cadence, and the longest silence in 90 days.</summary>
public sealed class DiligenceTests
{
    [Theory]
    [InlineData(new[] { 1.0, 30, 60, 120 }, 30.0)]     // from the window's start (day 90) to the post at day 60
    [InlineData(new[] { 1.0, 5, 50, 60, 120 }, 45.0)]  // between posts
    [InlineData(new[] { 20.0, 35, 50, 65, 80 }, 20.0)] // from the last post up to T
    [InlineData(new[] { 5.0, 120 }, 85.0)]             // a post before the window proves the silence since its start
    [InlineData(new[] { 5.0 }, 5.0)]                   // nothing known before the oldest post: unknown is not silence
    [InlineData(new[] { 95.0 }, 90.0)]                 // nothing in the window: silent for all of it
    public void LongestGap_InTheLast90Days(double[] daysAgo, double expectedDays)
    {
        var e = Evaluate(Education, PostsDaysAgo(daysAgo));

        Assert.Equal(expectedDays, e.LongestGap!.Value.TotalDays, 6);
        Assert.Contains(e.Reasons, r => r.Code == "longest-gap" && r.Zh.Contains($"最长连续未更新{expectedDays:0}天", StringComparison.Ordinal));
    }

    [Fact]
    public void LongestGap_NoPostsAtAll_IsTheWholeWindow()
    {
        var e = Evaluate(Education, []);

        Assert.Equal(TimeSpan.FromDays(90), e.LongestGap);
    }

    [Fact]
    public void LongestGap_IgnoresPostsAfterTAndPostOrder()
    {
        var e = Evaluate(Education, [.. PostsDaysAgo(60, 1, 30), PostAt(T.AddDays(3))]);

        Assert.Equal(30, e.LongestGap!.Value.TotalDays, 6);
    }

    [Theory]
    [InlineData(7.0, 100.0)]   // weekly: this week and this month met, gaps within two intervals
    [InlineData(14.0, 88.0)]   // fortnightly, posted yesterday: the week met, 3 of the month's 4.3, gaps exactly at the tolerance
    [InlineData(30.0, 65.1)]   // monthly, posted yesterday: the week met, 1 of the month's 4.3, 30-day gaps cost a fifth of the gap share
    public void Diligence_MemberCadence(double everyDays, double expected)
    {
        var e = Evaluate(Education, Regular(everyDays));

        var diligence = e.Parts.Single(p => p.Name == ScorePart.Diligence);
        Assert.Equal(expected, diligence.Score!.Value, 1);
    }

    [Fact]
    public void Diligence_HeadPostingWeekly_FallsShortOfItsDailyCadence()
    {
        var member = Evaluate(Education, Regular(7));
        var head = Evaluate(Head, Regular(7));

        Assert.Equal(100, member.RawScore);
        Assert.True(head.RawScore < 40, $"head scored {head.RawScore}");
        Assert.Contains(head.Reasons, r => r.Code == "cadence" && r.Zh.Contains("应每周至少7条", StringComparison.Ordinal));
    }

    [Fact]
    public void Diligence_HeadPostingDaily_ScoresFull()
    {
        Assert.Equal(100, Evaluate(Head, Regular(1, 0.5)).RawScore);
    }
}
