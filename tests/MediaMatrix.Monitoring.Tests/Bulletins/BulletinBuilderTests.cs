using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Bulletins.BulletinCast;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

public sealed class BulletinBuilderTests
{
    [Fact]
    public void Figures_AreTheInspectionSummary_PassRateOverJudgedAccounts()
    {
        var bulletin = BulletinBuilder.Build(Inputs());

        // 4 qualified, 2 unqualified, 1 unknown: 合格率 = 4 ÷ 6, the unreadable account not counted.
        Assert.Equal(new BulletinFigures(7, 4, 2, 1, 0.6667, 1, 1, 0), bulletin.Figures);
        Assert.Equal(Standard().Summary.PassRate, bulletin.Figures.PassRate);
    }

    [Fact]
    public void Unqualified_ListsEachWithItsChineseReasons()
    {
        var bulletin = BulletinBuilder.Build(Inputs());

        Assert.Equal(["dh-zj", "dh-yjgl"], bulletin.Unqualified.Select(a => a.Id));
        Assert.Equal(Veto.Zh, bulletin.Unqualified[0].Reasons.Single());
        Assert.Equal(["dh-sthj"], bulletin.Unknown.Select(a => a.Id));
    }

    [Fact]
    public void WeakZombieLists_CarryTheirDispositions()
    {
        var bulletin = BulletinBuilder.Build(Inputs());

        var weak = Assert.Single(bulletin.Weak);
        Assert.Equal((DispositionKind.Merge, "dinghaishan"), (weak.Disposition!.Value, weak.MergeInto));
        var zombie = Assert.Single(bulletin.ZombieOrDormant);
        Assert.Equal(DispositionKind.Close, zombie.Disposition);
        Assert.Contains("注销关停", zombie.DispositionReasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Change_WithNoStoredEvaluationsFromThePreviousPeriod_IsNotAvailable()
    {
        var history = new[] { Record("dh-edu", End.AddDays(-3), Verdict.Qualified) }; // this quarter, not the last

        var change = BulletinBuilder.Build(Inputs(history: history)).Change;

        Assert.Equal("2026Q3", change.Previous.Label);
        Assert.Null(change.PreviousFigures);
        Assert.Null(change.PassRatePointsDelta);
        Assert.Null(change.UnqualifiedDelta);
    }

    [Fact]
    public void Change_UsesEachAccountsLastEvaluationInThePreviousPeriod()
    {
        var q3End = new DateTimeOffset(2026, 10, 1, 0, 0, 0, Beijing);
        var history = new[]
        {
            Record("dh-edu", q3End.AddDays(-20), Verdict.Unqualified),
            Record("dh-edu", q3End.AddMinutes(-1), Verdict.Qualified), // the last one in Q3 wins
            Record("dh-zj", q3End.AddDays(-2), Verdict.Unqualified, weak: true),
            Record("dh-yjgl", q3End.AddDays(-2), Verdict.Qualified),
            Record("dh-tyjr", q3End, Verdict.Unqualified), // the first instant of Q4: not Q3
            Record("dh-sthj", q3End.AddDays(-100), Verdict.Qualified), // Q2
        };

        var change = BulletinBuilder.Build(Inputs(history: history)).Change;

        Assert.Equal(new PeriodFigures(3, 2, 1, 0, 0.6667, 1), change.PreviousFigures);
        Assert.Equal(2, change.QualifiedDelta);
        Assert.Equal(1, change.UnqualifiedDelta);
        Assert.Equal(0, change.WeakDelta);
        Assert.Equal(0, change.PassRatePointsDelta); // 4/6 now, 2/3 then
    }

    [Fact]
    public void TaskCompletion_IsPerDepartment_ForTasksDueInThePeriod()
    {
        var beijing = Beijing;
        var due = new ClusterTask("t-1201", "定海区2026年冬季征兵公告", null,
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, beijing), new DateTimeOffset(2026, 12, 3, 9, 0, 0, beijing), ["dh-edu", "dh-edu-wb", "dh-zj"]);
        var lastQuarter = due with { Id = "t-0901", Issued = due.Issued.AddMonths(-3), Deadline = due.Deadline.AddMonths(-3) };
        var posts = new Dictionary<string, IReadOnlyList<Post>>
        {
            ["dh-edu"] = [new Post("p1", "转发：定海区2026年冬季征兵公告", null, due.Issued.AddHours(2))],
            ["dh-edu-wb"] = [new Post("p2", "定海区2026年冬季征兵公告", null, due.Deadline.AddDays(1))],
        };
        var matrix = CompletionMatrix.Build([due, lastQuarter], ["dh-edu", "dh-edu-wb", "dh-zj", "dh-yjgl", "dh-tyjr", "dh-sthj"],
            posts, [], End, new TaskMatchOptions());

        var bulletin = BulletinBuilder.Build(Inputs(tasks: matrix));

        Assert.Equal(
            [new DepartmentTasks("区教育局", 2, 2, 1), new DepartmentTasks("区住建局", 1, 0, 0)],
            bulletin.TaskCompletion);
        var task = Assert.Single(bulletin.Tasks);
        Assert.Equal(("t-1201", 3, 2, 1), (task.Id, task.Assigned, task.Completed, task.OnTime));
        Assert.Equal(["定海住建 · 区住建局"], task.Missing); // name · unit, as people name them
    }

    [Fact]
    public void Year_CountsAccountsPostsAndThoseProposedForCleanup()
    {
        var year = BulletinBuilder.Build(Inputs()).Year;

        Assert.Equal(new YearFigures(2026, 7, 1234, 1, 1), year); // evaluated at midnight on 1 January 2027: still 2026's figures
        Assert.Equal(2, year.ProposedForCleanup);
    }
}
