using MediaMatrix.Monitoring.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>Single veto (单项否决) from manual findings: the causes a feed cannot show veto the same way silence does.</summary>
public sealed class VetoTests
{
    private static ManualFinding Finding(string accountId, DateTimeOffset at, DateTimeOffset? cleared = null) =>
        new("f1", accountId, FindingKind.SeriousError, "转载稿件中出现严重表述错误", at) { ClearedAt = cleared };

    [Fact]
    public void Veto_ActiveManualFinding_IsUnqualifiedThoughTheAccountPostsDaily()
    {
        var e = Evaluate(Input(Education, Regular(1)) with { Findings = [Finding(Education.Id, T.AddDays(-2))] });

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        var reason = Assert.Single(e.Reasons, r => r.Code == "veto-manual");
        Assert.Contains("严重表述错误", reason.Zh, StringComparison.Ordinal);
        Assert.Contains("serious error in published text", reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0, "cleared yesterday")]
    [InlineData(0.0, "cleared exactly at T")]
    public void Veto_ClearedManualFinding_NoLongerVetoes(double clearedDaysFromT, string why)
    {
        var e = Evaluate(Input(Education, Regular(1)) with { Findings = [Finding(Education.Id, T.AddDays(-5), T.AddDays(clearedDaysFromT))] });

        Assert.True(e.Verdict == Verdict.Qualified, why);
        Assert.DoesNotContain(e.Reasons, r => r.Code == "veto-manual");
    }

    [Fact]
    public void Veto_FindingClearedAfterT_StillVetoesAtT()
    {
        // check --now replays the past: at T the finding was still open.
        var e = Evaluate(Input(Education, Regular(1)) with { Findings = [Finding(Education.Id, T.AddDays(-5), T.AddDays(3))] });

        Assert.Equal(Verdict.Unqualified, e.Verdict);
    }

    [Theory]
    [InlineData("dh-culture", -1.0, "another account's finding")]
    [InlineData("dh-edu", 1.0, "entered after T")]
    public void Veto_FindingThatDoesNotApply_IsIgnored(string accountId, double atDaysFromT, string why)
    {
        var e = Evaluate(Input(Education, Regular(1)) with { Findings = [Finding(accountId, T.AddDays(atDaysFromT))] });

        Assert.True(e.Verdict == Verdict.Qualified, why);
    }

    [Theory]
    [InlineData(-1.0, false, "its until passed yesterday")]
    [InlineData(0.0, false, "its until is exactly T")]
    [InlineData(1.0, true, "its until is tomorrow")]
    public void Veto_FindingWithUntil_AppliesUpToIt(double untilDaysFromT, bool vetoes, string why)
    {
        var finding = Finding(Education.Id, T.AddDays(-5)) with { Until = T.AddDays(untilDaysFromT) };

        var e = Evaluate(Input(Education, Regular(1)) with { Findings = [finding] });

        Assert.True((e.Verdict == Verdict.Unqualified) == vetoes, why);
    }

    [Fact]
    public void Veto_SilenceAndFindingTogether_GiveBothReasons()
    {
        var e = Evaluate(Input(Education, PostsDaysAgo(20)) with { Findings = [Finding(Education.Id, T.AddDays(-1))] });

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        Assert.Equal(["veto-no-update", "veto-manual"], e.Reasons.Take(2).Select(r => r.Code));
    }
}
