namespace MediaMatrix.Monitoring.Assessment;

/// <summary>The published (smoothed) score and the weak flag after one more evaluation, with the streaks that decide the flag.</summary>
public readonly record struct StabilityState(double? Score, bool Weak, int BelowStreak, int AboveStreak);

/// <summary>
/// Domain.md rule 6, Dinghai's problem 1 (考核评价指数不够稳定): one bad day must not flip anything. Two dampers, one for each
/// thing an operator reads: the published score is an exponentially weighted moving average of raw scores, so the number and
/// the grade move gently; the weak flag needs K consecutive evaluations whose own (raw) score is below the threshold, and
/// recovers only after K at or above threshold + margin (hysteresis, so a score at the line cannot flap).
/// The streaks count raw scores on purpose: counting the already-smoothed score would delay a real decline twice over,
/// and the rubric promises "flagged within K evaluations".
/// </summary>
public static class Stability
{
    /// <param name="history">Stored evaluations of the account, newest first. Records at or after <paramref name="now"/> are
    /// ignored, so evaluating the same instant again gives the same answer.</param>
    /// <param name="rawScore">This evaluation's score; null when the verdict is unknown, which carries everything unchanged.</param>
    public static StabilityState Next(IReadOnlyList<EvaluationRecord> history, double? rawScore, DateTimeOffset now, StabilityOptions options)
    {
        EvaluationRecord? last = null;
        double? previousScore = null;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].At >= now)
            {
                continue;
            }

            last ??= history[i];
            if (history[i].Score is { } score)
            {
                previousScore = score;
                break;
            }
        }

        var weak = last?.Weak ?? false;
        var below = last?.BelowStreak ?? 0;
        var above = last?.AboveStreak ?? 0;
        if (rawScore is not { } raw)
        {
            return new StabilityState(null, weak, below, above);
        }

        var published = Math.Round(previousScore is { } p ? (options.SmoothingFactor * raw) + ((1 - options.SmoothingFactor) * p) : raw, 1);
        below = raw < options.WeakThreshold ? below + 1 : 0;
        above = raw >= options.WeakThreshold + options.RecoveryMargin ? above + 1 : 0;
        if (!weak && below >= options.ConsecutiveEvaluations)
        {
            weak = true;
        }
        else if (weak && above >= options.ConsecutiveEvaluations)
        {
            weak = false;
        }

        return new StabilityState(published, weak, below, above);
    }
}
