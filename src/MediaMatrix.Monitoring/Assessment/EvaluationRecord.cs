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
    int AboveStreak)
{
    /// <summary>Evidence kept with the record (null in records stored before it was): the newest post's instant and link at T
    /// (检查时更新日期), the last successful read, and the findings that vetoed.</summary>
    public DateTimeOffset? LastPostAt { get; init; }

    public string? LastPostLink { get; init; }

    public DateTimeOffset? LastReadAt { get; init; }

    public IReadOnlyList<string>? FindingIds { get; init; }
}
