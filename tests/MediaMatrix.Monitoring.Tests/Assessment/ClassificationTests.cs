using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>Zombie (僵尸: nothing in 90 days) and dormant (休眠: at most 3 posts in 90 days).</summary>
public sealed class ClassificationTests
{
    [Fact]
    public void Zombie_NoPostFor90Days()
    {
        var e = Evaluate(Education, [PostAt(T.AddDays(-90).AddSeconds(-1))]);

        Assert.True(e.Zombie);
        Assert.False(e.Dormant);
        Assert.Equal(0, e.PostsLongTerm);
    }

    [Fact]
    public void Zombie_PostExactly90DaysBeforeT_IsStillInTheWindow()
    {
        // Like the veto, the window is closed at its start.
        var e = Evaluate(Education, [PostAt(T.AddDays(-90))]);

        Assert.False(e.Zombie);
        Assert.True(e.Dormant);
    }

    [Fact]
    public void Zombie_NeverPosted()
    {
        Assert.True(Evaluate(Education, []).Zombie);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Dormant_AtMostThreePostsIn90Days(int posts, bool dormant)
    {
        var e = Evaluate(Education, [.. Enumerable.Range(0, posts).Select(i => PostAt(T.AddDays(-1 - (20 * i))))]);

        Assert.Equal(dormant, e.Dormant);
        Assert.False(e.Zombie);
    }

    [Fact]
    public void Dormant_IsJudgedEvenWhenRecentlyActive()
    {
        // Three posts this week after months of silence: still 休眠 by the 90-day count, and not vetoed.
        var e = Evaluate(Education, PostsDaysAgo(1, 2, 3));

        Assert.True(e.Dormant);
        Assert.Equal(Verdict.Qualified, e.Verdict);
    }

    [Fact]
    public void Unknown_IsNeitherZombieNorDormant()
    {
        var e = AccountAssessor.Evaluate(Education, [], null, T, Rubric);

        Assert.Equal(Verdict.Unknown, e.Verdict);
        Assert.False(e.Zombie || e.Dormant);
        Assert.Null(e.Grade);
        Assert.Null(e.Disposition);
        Assert.Empty(e.Parts);
    }
}
