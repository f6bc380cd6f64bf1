using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Tests.Bulletins;
using MediaMatrix.Monitoring.Worklist;

namespace MediaMatrix.Monitoring.Tests.Worklist;

/// <summary>
/// Today's work: accounts the veto reaches within the pack's working days (qualified ones only, nearest first), findings
/// nobody has decided, overdue case steps, open (not acknowledged) alerts — each with the link where it is done.
/// </summary>
public sealed class TodaysWorkTests
{
    private static readonly DateTimeOffset Now = BulletinCast.End;

    private static (Monitoring.Matrix.Account, Evaluation) Row(string id, Verdict verdict, int? workingDaysLeft) =>
        (BulletinCast.Account(id, "账号" + id, "单位" + id), BulletinCast.Evaluation(id, verdict, verdict == Verdict.Unknown ? null : 80) with { VetoInWorkingDays = workingDaysLeft });

    [Fact]
    public void VetoSoon_QualifiedWithinTheWorkingDays_NearestFirst()
    {
        var report = BulletinCast.Report(Row("far", Verdict.Qualified, 9), Row("two", Verdict.Qualified, 2), Row("one", Verdict.Qualified, 1),
            Row("edge", Verdict.Qualified, 4), Row("vetoed", Verdict.Unqualified, 0), Row("blind", Verdict.Unknown, null));

        var work = TodaysWork.Of(report, [], [], [], warningWorkingDays: 4, Now);

        Assert.Equal(["one", "two", "edge"], work.Select(w => w.AccountId));
        Assert.All(work, w => Assert.Equal(WorkKind.VetoSoon, w.Kind));
        Assert.Equal("/accounts/one", work[0].Link);
        Assert.Equal(1, work[0].WorkingDaysLeft);
    }

    [Fact]
    public void FindingsCasesAndAlerts_OnlyTheUndone_EachWithItsLink()
    {
        var report = BulletinCast.Report(Row("a", Verdict.Qualified, null), Row("b", Verdict.Qualified, null));
        var proposed = new ContentFinding("cf-1", "a", "p1", "privacy-id", FindingKind.PersonalDataLeak, ContentSeverity.Serious, Now.AddDays(-2)) { PostTitle = "公示名单" };
        var decided = proposed with { Id = "cf-2", Status = FindingStatus.Confirmed };
        var overdue = new CleanupCase("case-1", "b", DispositionKind.Rectify, Now.AddDays(-30), "operator", [new CaseStep(CaseStepKind.Recheck, Now.AddDays(-3))]);
        var pending = overdue with { Id = "case-2", Steps = [new CaseStep(CaseStepKind.Recheck, Now.AddDays(3))] };
        var open = new Alert("k1", AlertKind.BecameUnqualified, "a", AlertSeverity.Critical, AlertStatus.Open, "账号a 检查不合格", "a unqualified", Now.AddHours(-5));
        var acknowledged = open with { Key = "k2", Status = AlertStatus.Acknowledged };

        var work = TodaysWork.Of(report, [proposed, decided], [overdue, pending], [open, acknowledged], 4, Now);

        Assert.Equal([WorkKind.UnconfirmedFinding, WorkKind.OverdueStep, WorkKind.OpenAlert], work.Select(w => w.Kind));
        Assert.Equal("/accounts/a#content-findings", work[0].Link);
        Assert.Contains("公示名单", work[0].Subject, StringComparison.Ordinal);
        Assert.Equal(("b", "/cleanup#cases"), (work[1].AccountId, work[1].Link));
        Assert.Equal(Now.AddDays(-3), work[1].Since);
        Assert.Equal(("/alerts", "k1"), (work[2].Link, work[2].Alert!.Key));
    }
}
