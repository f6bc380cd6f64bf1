using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>The weighted score: diligence 40, tasks 30, reach 30, and renormalisation when a part is absent.</summary>
public sealed class ScoreTests
{
    // Weekly posting scores diligence 100; these inputs make the other parts easy to read.
    private static readonly MatrixReach Medians = new(MedianFollowers: 10_000, MedianReads: 500);

    [Fact]
    public void Score_AllPartsPresent_IsTheWeightedMean()
    {
        var e = Evaluate(Input(Education, Regular(7)) with
        {
            Tasks = new TaskTally(Assigned: 4, Completed: 2, OnTime: 2),  // 50
            Reach = new AccountReach(10_000, 500),                       // at the median: 60
            MatrixReach = Medians,
        });

        Assert.Equal(((40 * 100) + (30 * 50) + (30 * 60)) / 100.0, e.RawScore);
        Assert.All(e.Parts, p => Assert.True(p.Counted));
        Assert.Equal([0.4, 0.3, 0.3], e.Parts.Select(p => p.EffectiveWeight));
        Assert.DoesNotContain(e.Reasons, r => r.Code == "renormalised");
    }

    [Fact]
    public void Score_NoTasksAssigned_IsRenormalisedOverTheOtherPartsAndSaysSo()
    {
        var e = Evaluate(Input(Education, Regular(7)) with { Reach = new AccountReach(10_000, 500), MatrixReach = Medians });

        var tasks = e.Parts.Single(p => p.Name == ScorePart.Tasks);
        Assert.False(tasks.Counted);
        Assert.Null(tasks.Score);
        Assert.Equal(0, tasks.EffectiveWeight);
        Assert.Equal(((40 * 100) + (30 * 60)) / 70.0, e.RawScore!.Value, 1);
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

    [Fact]
    public void Score_NoReachVisible_IsRenormalisedAndSaysSo()
    {
        var e = Evaluate(Input(Education, Regular(7)) with { Tasks = new TaskTally(4, 2, 2) });

        Assert.False(e.Parts.Single(p => p.Name == ScorePart.Reach).Counted);
        Assert.Equal(((40 * 100) + (30 * 50)) / 70.0, e.RawScore!.Value, 1);
        Assert.Contains(e.Reasons, r => r.Code == "renormalised" && r.En.Contains("shows no followers or reads", StringComparison.Ordinal));
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
    [InlineData(10_000L, 500.0, 60.0)]   // at both medians
    [InlineData(20_000L, 1000.0, 100.0)] // twice the medians
    [InlineData(50_000L, 5000.0, 100.0)] // capped
    [InlineData(5_000L, 250.0, 30.0)]    // half
    [InlineData(5_000L, null, 30.0)]     // reads hidden: followers alone
    [InlineData(null, 1000.0, 100.0)]    // followers hidden: reads alone
    public void Reach_IsRelativeToTheMatrixMedians(long? followers, double? reads, double expected)
    {
        Assert.Equal(expected, ScoreParts.Reach(new AccountReach(followers, reads), Medians, Rubric, out _, out _));
    }

    [Fact]
    public void Reach_WithoutAMatrixMedian_IsLeftOut()
    {
        Assert.Null(ScoreParts.Reach(new AccountReach(10_000, null), new MatrixReach(null, 500), Rubric, out _, out _));
    }

    [Fact]
    public void MatrixReach_IsTheMedianOfTheAccountsThatShowIt()
    {
        var medians = MatrixReach.Of([new AccountReach(100, null), new AccountReach(300, 10), null, new AccountReach(200, 30), new AccountReach(null, 20), new AccountReach(400, null)]);

        Assert.Equal(new MatrixReach(250, 20), medians);
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
