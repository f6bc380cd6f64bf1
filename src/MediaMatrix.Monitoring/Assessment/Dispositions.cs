using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// Domain.md rule 7 and Zhejiang's 2022 "1+N" guidance: close the zombie and dormant, merge weak accounts that overlap
/// another account of the same unit (or that nobody runs), give weak but live accounts (and the head, which is never
/// merged) a deadline to rectify, keep the rest. Followers never decide (the 2023 opinions): overlap and activity do.
/// </summary>
public static class Dispositions
{
    public static Disposition? Propose(Account account, Evaluation evaluation, DateTimeOffset now, AssessmentOptions options, Account? overlapping = null)
    {
        if (evaluation.Verdict == Verdict.Unknown)
        {
            return null;
        }

        if (evaluation.Zombie || evaluation.Dormant)
        {
            var silence = evaluation.LastPostAt is { } last ? now - last : (TimeSpan?)null;
            var why = evaluation.Zombie
                ? Reasons.Zombie(options.LongTermWindow)
                : silence > options.Dormancy.Dormant
                    ? Reasons.DormantSilent(silence.Value, options.Dormancy.Dormant)
                    : Reasons.Dormant(options.LongTermWindow, evaluation.PostsLongTerm, options.Dormancy.SporadicPosts);
            return new Disposition(DispositionKind.Close, null, null, [Reasons.CloseProposed(), why]);
        }

        var head = account.Tier == Tier.Head;
        if (evaluation.Weak && !head && (overlapping is not null || evaluation.Verdict == Verdict.Unqualified))
        {
            return new Disposition(DispositionKind.Merge, null, overlapping?.Id, [Reasons.MergeProposed(overlapping?.Id), Reasons.MergeBecause(overlapping)]);
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
}
