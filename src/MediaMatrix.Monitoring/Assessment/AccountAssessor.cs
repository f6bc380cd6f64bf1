using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// Scores one account at instant T from what is stored. Pure: no clock, no I/O; T is a parameter,
/// so <c>check --now</c> and every test are deterministic.
/// </summary>
public static class AccountAssessor
{
    public static Evaluation Evaluate(Account account, IReadOnlyList<Post> posts, PollState? poll, DateTimeOffset now, AssessmentOptions options)
    {
        var counts = PostCounts.At(posts, now);
        var collectionProblem = CollectionProblem(poll, now, options);
        if (collectionProblem is not null)
        {
            return new Evaluation(account.Id, now, Verdict.Unknown, null, counts.LastPostAt,
                counts.Last7d, counts.Last14d, counts.Last30d, [collectionProblem]);
        }

        var reasons = new List<Reason>();
        var score = DiligenceScore(account, counts, options, reasons);
        var vetoed = counts.LastPostAt is null || counts.LastPostAt < now - options.VetoWindow;
        if (vetoed)
        {
            reasons.Insert(0, Reasons.NoPostInVetoWindow(options.VetoWindow, counts.LastPostAt, now));
        }

        return new Evaluation(account.Id, now, vetoed ? Verdict.Unqualified : Verdict.Qualified, Math.Round(score, 1),
            counts.LastPostAt, counts.Last7d, counts.Last14d, counts.Last30d, reasons);
    }

    // Data sufficiency comes first (domain.md rule 1): a source we cannot read must never look like a silent account.
    private static Reason? CollectionProblem(PollState? poll, DateTimeOffset now, AssessmentOptions options)
    {
        if (poll?.LastSuccessAt is not { } lastSuccess)
        {
            return Reasons.NeverRead(poll?.LastError);
        }

        if (poll.ConsecutiveFailures > 0 && poll.LastErrorClass is FetchErrorClass.Parse or FetchErrorClass.Empty)
        {
            return Reasons.ExtractionFailing(poll.LastError);
        }

        return lastSuccess < now - options.CollectionFreshness
            ? Reasons.NotReadRecently(lastSuccess, options.CollectionFreshness, poll.LastError)
            : null;
    }

    // First cut of diligence (weight 40 in the full rubric): this week's and this month's posts
    // against the tier's cadence, half each, capped at 100.
    private static double DiligenceScore(Account account, PostCounts counts, AssessmentOptions options, List<Reason> reasons)
    {
        var perWeek = account.Tier == Tier.Head ? options.HeadPostsPerWeek : options.MemberPostsPerWeek;
        var week = Math.Min(1, counts.Last7d / perWeek);
        var month = Math.Min(1, counts.Last30d / (perWeek * 30 / 7));
        reasons.Add(Reasons.Cadence(counts, perWeek));
        return 50 * week + 50 * month;
    }
}
