using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>The weighted score: diligence 40 and cluster tasks 30 (the national pack), renormalisation when tasks are absent,
/// and no popularity at all.</summary>
public sealed class ScoreTests
{
    [Fact]
    public void Score_AllPartsPresent_IsTheWeightedMean()
    {
        var e = Evaluate(Input(Education, Regular(7)) with
        {
            Tasks = new TaskTally(Assigned: 4, Completed: 2, OnTime: 2),  // 50
        });

        Assert.Equal(Math.Round(((40 * 100) + (30 * 50)) / 70.0, 1), e.RawScore);
        Assert.All(e.Parts, p => Assert.True(p.Counted));
        Assert.Equal([ScorePart.Diligence, ScorePart.Tasks], e.Parts.Select(p => p.Name));
        Assert.Equal([0.5714, 0.4286], e.Parts.Select(p => p.EffectiveWeight));
        Assert.DoesNotContain(e.Reasons, r => r.Code == "renormalised");
    }

    [Fact]
    public void Score_NoTasksAssigned_IsRenormalisedOverTheOtherPartsAndSaysSo()
    {
        var e = Evaluate(Input(Education, Regular(7)));

        var tasks = e.Parts.Single(p => p.Name == ScorePart.Tasks);
        Assert.False(tasks.Counted);
        Assert.Null(tasks.Score);
        Assert.Equal(0, tasks.EffectiveWeight);
        Assert.Equal(100, e.RawScore!.Value, 1);
        var reason = Assert.Single(e.Reasons, r => r.Code == "renormalised");
        Assert.Contains("集群协同任务", reason.Zh, StringComparison.Ordinal);
        Assert.Contains("none assigned", reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_TasksWithNothingAssigned_CountAsNoTasks()
    {
        var e = Evaluate(Input(Education, Regular(7)) with { Tasks = new TaskTally(0, 0, 0) });

        Assert.False(e.Parts.Single(p => p.Name == ScorePart.Tasks).Counted);
    }

    /// <summary>Issue 14 acceptance: with the default pack no score moves when followers or reads change (the 2023 opinions).</summary>
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(0L, 0L, 0L, 0L)]
    [InlineData(12L, 3L, 0L, 150L)]
    [InlineData(1_000_000L, 250_000L, 40_000L, 9_000_000L)]
    public void Score_FollowersReadsLikesAndComments_MoveNothing(long? reads, long? likes, long? comments, long? followers)
    {
        var plain = Regular(7);
        var shown = plain.Select(p => p with { Metrics = new PostMetrics(reads, likes, comments, followers) }).ToList();
        var tasks = new TaskTally(4, 3, 2);

        var without = Evaluate(Input(Education, plain) with { Tasks = tasks });
        var with = Evaluate(Input(Education, shown) with { Tasks = tasks });

        Assert.Equal(without.RawScore, with.RawScore);
        Assert.Equal(without.Score, with.Score);
        Assert.Equal(without.Grade, with.Grade);
        Assert.Equal(without.Verdict, with.Verdict);
        Assert.Equal(without.Disposition!.Kind, with.Disposition!.Kind);
        Assert.Equal(without.Parts, with.Parts);
        Assert.DoesNotContain(with.Reasons, r => r.Zh.Contains("粉丝", StringComparison.Ordinal) || r.Zh.Contains("阅读", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_OnlyDiligence_IsTheDiligenceScore()
    {
        var e = Evaluate(Education, Regular(14));

        Assert.Equal(e.Parts[0].Score, e.RawScore);
        Assert.Equal(1, e.Parts[0].EffectiveWeight);
    }

    [Theory]
    [InlineData(4, 4, 4, 100.0)]  // all on time
    [InlineData(4, 4, 2, 75.0)]   // two late reposts: completed, not on time
    [InlineData(4, 2, 2, 50.0)]
    [InlineData(3, 0, 0, 0.0)]
    public void Tasks_CompletedAndOnTimeShares_CountHalfEach(int assigned, int completed, int onTime, double expected)
    {
        Assert.Equal(expected, ScoreParts.Tasks(new TaskTally(assigned, completed, onTime), Rubric));
    }

    [Theory]
    [InlineData(100.0, Grade.A)]
    [InlineData(85.0, Grade.A)]
    [InlineData(84.9, Grade.B)]
    [InlineData(70.0, Grade.B)]
    [InlineData(69.9, Grade.C)]
    [InlineData(60.0, Grade.C)]
    [InlineData(59.9, Grade.D)]
    [InlineData(0.0, Grade.D)]
    public void Grade_Boundaries_AreInclusiveAtTheLowerBound(double score, Grade expected)
    {
        Assert.Equal(expected, Grades.Of(score, Rubric.Grades));
    }

    [Fact]
    public void Grade_BoundsAreConfigurable()
    {
        Assert.Equal(Grade.A, Grades.Of(80, new GradeBounds { A = 80, B = 65, C = 50 }));
    }

    [Fact]
    public void Grade_IsFromThePublishedScore()
    {
        var e = Evaluate(Education, Regular(7));

        Assert.Equal(Grade.A, e.Grade);
    }
}
