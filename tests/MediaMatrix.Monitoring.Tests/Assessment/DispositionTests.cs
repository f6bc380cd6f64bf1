using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>处置建议: close the zombie and dormant, merge the weak that overlap a same-unit account (or nobody runs), rectify
/// the weak but live, retain the rest. Followers never decide.</summary>
public sealed class DispositionTests
{
    private static Evaluation Weak(Account account, Account? overlapping = null, IReadOnlyList<Post>? posts = null) =>
        Evaluate(Input(account, posts ?? Regular(20)) with
        {
            History = [WeakYesterday(account)],
            Overlapping = overlapping,
        });

    [Fact]
    public void Disposition_Zombie_IsClose()
    {
        var d = Evaluate(Education, PostsDaysAgo(120)).Disposition!;

        Assert.Equal(DispositionKind.Close, d.Kind);
        Assert.Equal(["close", "zombie"], d.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Disposition_Dormant_IsClose()
    {
        var d = Evaluate(Education, PostsDaysAgo(5, 40, 80)).Disposition!;

        Assert.Equal(DispositionKind.Close, d.Kind);
        Assert.Contains(d.Reasons, r => r.Code == "dormant" && r.Zh.Contains("仅更新3条", StringComparison.Ordinal));
    }

    [Fact]
    public void Disposition_WeakOverlappingASameUnitAccount_IsMergeIntoIt()
    {
        var sibling = Education with { Id = "edu-web", Name = "教育局网站", Platform = Platform.Website };
        var e = Weak(Education, sibling);

        Assert.True(e.Weak);
        var d = e.Disposition!;
        Assert.Equal(DispositionKind.Merge, d.Kind);
        Assert.Equal("edu-web", d.MergeInto); // the round may still name a better-placed sibling or the head
        Assert.Equal(["merge", "merge-overlap"], d.Reasons.Select(r => r.Code));
        Assert.Contains("教育局网站", d.Reasons[1].Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposition_WeakWithoutOverlapButPosting_IsRectifyWithADeadline()
    {
        var d = Weak(Education).Disposition!;

        Assert.Equal(DispositionKind.Rectify, d.Kind);
        Assert.Equal(T.AddDays(30), d.Deadline);
        Assert.Contains("2026-12-31", d.Reasons[0].Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposition_WeakHead_IsRectifyNeverMerge()
    {
        var d = Weak(Head, overlapping: Education).Disposition!;

        Assert.Equal(DispositionKind.Rectify, d.Kind);
        Assert.Contains("cannot be merged", d.Reasons[0].En, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposition_WeakWithoutReachAndSilent_IsMerge()
    {
        // The platform shows no followers; a weak account that has not posted for 20 days has nobody running it.
        var e = Evaluate(Input(Education, PostsDaysAgo(20, 30, 40, 50)) with { History = [WeakYesterday(Education)] });

        Assert.Equal(DispositionKind.Merge, e.Disposition!.Kind);
        Assert.Equal("merge-inactive", e.Disposition.Reasons[1].Code);
    }

    [Fact]
    public void Disposition_WeakWithoutReachButPosting_IsRectify()
    {
        var e = Evaluate(Input(Education, Regular(20)) with { History = [WeakYesterday(Education)] });

        Assert.Equal(DispositionKind.Rectify, e.Disposition!.Kind);
    }

    [Fact]
    public void Disposition_VetoedButNotWeak_IsRectify()
    {
        var e = Evaluate(Education, PostsDaysAgo(15, 22, 29, 36, 43, 50));

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        Assert.False(e.Weak);
        Assert.Equal(DispositionKind.Rectify, e.Disposition!.Kind);
    }

    [Fact]
    public void Disposition_Healthy_IsRetain()
    {
        var d = Evaluate(Education, Regular(7)).Disposition!;

        Assert.Equal(DispositionKind.Retain, d.Kind);
        Assert.Equal("retain", d.Reasons.Single().Code);
    }

    [Fact]
    public void Disposition_LowScoreNotYetWeak_IsRetainButWatched()
    {
        // One low evaluation is not weak (K in a row are needed); the reason says so instead of "operating normally".
        var e = Evaluate(Education, PostsDaysAgo(11, 23, 35, 47, 59));

        Assert.True(e.RawScore < 60, $"scored {e.RawScore}");
        Assert.False(e.Weak);
        Assert.Equal(DispositionKind.Retain, e.Disposition!.Kind);
        Assert.Equal("retain-watch", e.Disposition.Reasons.Single().Code);
    }

    [Fact]
    public void MergeTarget_PrefersAStayingSiblingInTheSameDepartment()
    {
        var matrix = new List<(Account, Evaluation)>
        {
            (Head, Evaluate(Head, Regular(1))),
            (Education, Weak(Education, Schools)),
            (Schools, Evaluate(Schools, Regular(7))),
            (Culture, Evaluate(Culture, Regular(7))),
        };

        Assert.Equal(Schools.Id, Dispositions.MergeTarget(Education, matrix));
    }

    [Fact]
    public void MergeTarget_WithoutAStayingSibling_IsTheHead()
    {
        var matrix = new List<(Account, Evaluation)>
        {
            (Head, Evaluate(Head, Regular(1))),
            (Education, Weak(Education, Schools)),
            (Schools, Weak(Schools, Education)), // weak itself: no home for another account
            (Culture, Evaluate(Culture, Regular(7))), // healthy but another department
        };

        Assert.Equal(Head.Id, Dispositions.MergeTarget(Education, matrix));
    }

    [Fact]
    public void WithMergeTarget_NamesTheAccountInTheReason()
    {
        var named = Dispositions.WithMergeTarget(Weak(Education, Schools).Disposition!, Schools.Id);

        Assert.Equal(Schools.Id, named.MergeInto);
        Assert.Contains("dh-edu-schools", named.Reasons[0].Zh, StringComparison.Ordinal);
        Assert.Equal("merge-overlap", named.Reasons[1].Code);
    }
}
