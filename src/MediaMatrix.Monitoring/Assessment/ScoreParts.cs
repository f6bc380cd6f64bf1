using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Assessment;

/// <summary>The parts of the score (domain.md rules 3–4), each 0–100, and their weighted sum. Attention and reach are not
/// among them (rule 5, the 2023 opinions): no figure of popularity reaches a score.</summary>
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
}
