using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// Domain.md rule 7 and Zhejiang's 2022 "1+N" guidance: close the zombie and dormant, merge weak accounts few people follow,
/// give weak but live accounts (and the head, which is never merged) a deadline to rectify, keep the rest.
/// </summary>
public static class Dispositions
{
    public static Disposition? Propose(Account account, Evaluation evaluation, DateTimeOffset now, AssessmentOptions options)
    {
        if (evaluation.Verdict == Verdict.Unknown)
        {
            return null;
        }

        if (evaluation.Zombie || evaluation.Dormant)
        {
            var why = evaluation.Zombie
                ? Reasons.Zombie(options.LongTermWindow)
                : Reasons.Dormant(options.LongTermWindow, evaluation.PostsLongTerm, options.DormantMaxPosts);
            return new Disposition(DispositionKind.Close, null, null, [Reasons.CloseProposed(), why]);
        }

        var head = account.Tier == Tier.Head;
        if (evaluation.Weak && !head && IsLittleFollowed(evaluation, options, out var lowReach))
        {
            return new Disposition(DispositionKind.Merge, null, null, [Reasons.MergeProposed(null), Reasons.MergeBecause(lowReach)]);
        }

        if (evaluation.Weak || evaluation.Verdict == Verdict.Unqualified)
        {
            var deadline = now + options.RectifyWithin;
            return new Disposition(DispositionKind.Rectify, deadline, null, [Reasons.RectifyProposed(deadline, evaluation.Weak, head)]);
        }

        // One low score is not yet weak (stability), but the operator should not read "operating normally" either.
        var watched = evaluation.RawScore < options.Stability.WeakThreshold;
        return new Disposition(DispositionKind.Retain, null, null, [watched ? Reasons.RetainWatched(options.Stability) : Reasons.RetainProposed()]);
    }

    /// <summary>Picks where a merged account should go: the best-scoring same-department member that is itself staying
    /// (retained or rectifying), else the head. Null when the matrix has neither.</summary>
    public static string? MergeTarget(Account account, IReadOnlyList<(Account Account, Evaluation Evaluation)> matrix)
    {
        (Account Account, double Score)? best = null;
        string? headId = null;
        foreach (var (candidate, evaluation) in matrix)
        {
            if (candidate.Id == account.Id)
            {
                continue;
            }

            if (candidate.Tier == Tier.Head)
            {
                headId ??= candidate.Id;
                continue;
            }

            var staying = evaluation.Disposition?.Kind is DispositionKind.Retain or DispositionKind.Rectify && !evaluation.Weak;
            if (staying && string.Equals(candidate.Department, account.Department, StringComparison.Ordinal)
                && (best is null || (evaluation.Score ?? 0) > best.Value.Score))
            {
                best = (candidate, evaluation.Score ?? 0);
            }
        }

        return best?.Account.Id ?? headId;
    }

    /// <summary>Names the suggested account in a merge proposal.</summary>
    public static Disposition WithMergeTarget(Disposition merge, string? target) =>
        merge with { MergeInto = target, Reasons = [Reasons.MergeProposed(target), .. merge.Reasons.Skip(1)] };

    /// <summary>Low attention where the platform shows it; where it does not, a weak account that is not even posting has nobody running it.</summary>
    private static bool IsLittleFollowed(Evaluation evaluation, AssessmentOptions options, out bool lowReach)
    {
        foreach (var part in evaluation.Parts)
        {
            if (part.Name == ScorePart.Reach && part.Counted)
            {
                lowReach = true;
                return part.Score < options.MergeWhenReachBelow;
            }
        }

        lowReach = false;
        return evaluation.Verdict == Verdict.Unqualified;
    }
}
