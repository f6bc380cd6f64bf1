namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// What the store keeps of each persisted evaluation: enough to smooth the next score and continue the weak streaks.
/// <see cref="RawScore"/> and <see cref="Score"/> are null for an unknown evaluation, which carries the streaks unchanged.
/// </summary>
public sealed record EvaluationRecord(
    string AccountId,
    DateTimeOffset At,
    double? RawScore,
    double? Score,
    Verdict Verdict,
    bool Weak,
    int BelowStreak,
    int AboveStreak);
