using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>The three parts of the score (domain.md rules 3–5), each 0–100, and their weighted sum.</summary>
public static class ScoreParts
{
    /// <summary>勤勉度: this week's and this month's posts against the tier's cadence, and the longest silence in the long-term window.
    /// A silence up to the tolerance costs nothing; one as long as the whole window scores zero.</summary>
    public static double Diligence(Tier tier, PostCounts counts, AssessmentOptions options)
    {
        var perWeek = ExpectedPerWeek(tier, options);
        var week = Math.Min(1, counts.Last7d / perWeek);
        var month = Math.Min(1, counts.Last30d / (perWeek * 30 / 7));
        var tolerance = 7 / perWeek * options.GapToleranceIntervals;
        var window = options.LongTermWindow.TotalDays;
        var gapDays = counts.LongestGap.TotalDays;
        var gap = gapDays <= tolerance ? 1 : Math.Max(0, 1 - ((gapDays - tolerance) / Math.Max(1e-9, window - tolerance)));
        var shares = options.Diligence;
        var total = shares.Week + shares.Month + shares.Gap;
        return total <= 0 ? 0 : 100 * ((shares.Week * week) + (shares.Month * month) + (shares.Gap * gap)) / total;
    }

    /// <summary>集群协同任务: the share completed and the share completed on time. Null when nothing was assigned: the part is left out.</summary>
    public static double? Tasks(TaskTally? tally, AssessmentOptions options)
    {
        if (tally is not { Assigned: > 0 } t)
        {
            return null;
        }

        var completed = Math.Clamp((double)t.Completed / t.Assigned, 0, 1);
        var onTime = Math.Clamp((double)t.OnTime / t.Assigned, 0, 1);
        return 100 * (((1 - options.TasksOnTimeShare) * completed) + (options.TasksOnTimeShare * onTime));
    }

    /// <summary>用户关注度 and 传播影响力 relative to the matrix medians, averaged over the figures the platform shows.
    /// Null when it shows neither (or the matrix has no median to compare with): the part is left out.</summary>
    public static double? Reach(AccountReach? reach, MatrixReach? matrix, AssessmentOptions options, out double? followersRatio, out double? readsRatio)
    {
        followersRatio = Ratio(reach?.Followers, matrix?.MedianFollowers);
        readsRatio = Ratio(reach?.MedianReads, matrix?.MedianReads);
        var sum = 0.0;
        var n = 0;
        if (followersRatio is { } f)
        {
            sum += FromRatio(f, options.ReachScoreAtMedian);
            n++;
        }

        if (readsRatio is { } r)
        {
            sum += FromRatio(r, options.ReachScoreAtMedian);
            n++;
        }

        return n == 0 ? null : sum / n;
    }

    /// <summary>The weighted mean of the counted parts: leaving a part out shares its weight among the others in proportion.
    /// Fills in each part's effective weight.</summary>
    public static double Weighted(ScorePart[] parts)
    {
        var total = 0.0;
        foreach (var part in parts)
        {
            total += part.Counted ? part.Weight : 0;
        }

        var sum = 0.0;
        for (var i = 0; i < parts.Length; i++)
        {
            var effective = parts[i].Counted && total > 0 ? parts[i].Weight / total : 0;
            parts[i] = parts[i] with { EffectiveWeight = Math.Round(effective, 4) };
            sum += effective * (parts[i].Score ?? 0);
        }

        return sum;
    }

    public static double ExpectedPerWeek(Tier tier, AssessmentOptions options) =>
        tier == Tier.Head ? options.HeadPostsPerWeek : options.MemberPostsPerWeek;

    private static double? Ratio(double? value, double? median) =>
        value is { } v && median is { } m && m > 0 ? v / m : null;

    // At the median: the configured score; linear to 0 below it, and up to 100 at twice the median.
    private static double FromRatio(double ratio, double atMedian) =>
        ratio <= 1 ? atMedian * Math.Max(0, ratio) : atMedian + ((100 - atMedian) * Math.Min(1, ratio - 1));
}
