using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

/// <summary>
/// A small matrix evaluated at the end of 2026Q4 (Beijing time): the head and two qualified members, one unqualified
/// member (vetoed), a zombie proposed for closure, a weak member proposed for merger and one that could not be read.
/// </summary>
internal static class BulletinCast
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public static readonly BulletinPeriod Q4 = BulletinPeriod.Parse("2026Q4");
    public static readonly DateTimeOffset End = new(2027, 1, 1, 0, 0, 0, Beijing);

    public static readonly Reason Veto = new("veto-no-update", "单项否决：监测时间点前14天内无更新", "Single veto");

    public static Account Account(string id, string name, string department, Tier tier = Tier.Member) =>
        new(id, name, Platform.Wechat, tier, department, new Source(SourceKind.Feed, new Uri($"http://example.gov.cn/{id}.xml")));

    public static Evaluation Evaluation(string id, Verdict verdict, double? score, params Reason[] reasons) =>
        new(id, End, verdict, score, End.AddDays(-1), 3, 5, 9, reasons)
        {
            Grade = score is { } s ? Grades.Of(s, new GradeBounds()) : null,
            Disposition = verdict == Verdict.Unknown ? null : new Disposition(DispositionKind.Retain, null, null, [Reasons.RetainProposed()]),
        };

    public static MatrixReport Report(params (Account Account, Evaluation Evaluation)[] accounts) =>
        new(End, MatrixSummary.Of([.. accounts.Select(a => a.Evaluation)]), accounts);

    public static MatrixReport Standard(string unqualifiedName = "定海住建") => Report(
        (Account("dinghaishan", "定海山", "区融媒体中心", Tier.Head), Evaluation("dinghaishan", Verdict.Qualified, 92)),
        (Account("dh-edu", "定海教育", "区教育局"), Evaluation("dh-edu", Verdict.Qualified, 88)),
        (Account("dh-edu-wb", "定海教育微博", "区教育局"), Evaluation("dh-edu-wb", Verdict.Qualified, 75)),
        (Account("dh-zj", unqualifiedName, "区住建局"), Evaluation("dh-zj", Verdict.Unqualified, 58.1, Veto) with
        {
            Disposition = new Disposition(DispositionKind.Rectify, End.AddDays(30), null, [Reasons.RectifyProposed(End.AddDays(30), weak: false, head: false)]),
        }),
        (Account("dh-yjgl", "定海应急", "区应急管理局"), Evaluation("dh-yjgl", Verdict.Unqualified, 0, Veto, Reasons.Zombie(TimeSpan.FromDays(90))) with
        {
            Zombie = true,
            LastPostAt = null,
            Disposition = new Disposition(DispositionKind.Close, null, null, [Reasons.CloseProposed()]),
        }),
        (Account("dh-tyjr", "定海退役军人", "区退役军人事务局"), Evaluation("dh-tyjr", Verdict.Qualified, 52) with
        {
            Weak = true,
            Disposition = new Disposition(DispositionKind.Merge, null, "dinghaishan", [Reasons.MergeProposed("dinghaishan")]),
        }),
        (Account("dh-sthj", "定海生态环境", "区生态环境分局"), Evaluation("dh-sthj", Verdict.Unknown, null, Reasons.NeverRead("HTTP 503"))));

    public static BulletinInputs Inputs(MatrixReport? report = null, IReadOnlyList<EvaluationRecord>? history = null, CompletionMatrix? tasks = null) =>
        new(Q4, "定海区政务新媒体矩阵", Shanghai, report ?? Standard(), history ?? [], tasks, PostsThisYear: 1234);

    public static EvaluationRecord Record(string id, DateTimeOffset at, Verdict verdict, bool weak = false) =>
        new(id, at, 70, 70, verdict, weak, 0, 0);
}
