namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// One account scored at one instant T (监测时间点). <see cref="Score"/> is the published score: smoothed over the stored
/// evaluations (<see cref="Assessment.Stability"/>); <see cref="RawScore"/> is this instant's alone. Both are null when the verdict is unknown.
/// </summary>
public sealed record Evaluation(
    string AccountId,
    DateTimeOffset EvaluatedAt,
    Verdict Verdict,
    double? Score,
    DateTimeOffset? LastPostAt,
    int PostsLast7d,
    int PostsLast14d,
    int PostsLast30d,
    IReadOnlyList<Reason> Reasons)
{
    public double? RawScore { get; init; }

    /// <summary>Null when the verdict is unknown.</summary>
    public Grade? Grade { get; init; }

    /// <summary>弱运营: K evaluations in a row scored below the threshold (and K in a row have not yet scored above threshold + margin).</summary>
    public bool Weak { get; init; }

    /// <summary>僵尸: silent past the pack's zombie line (default 90 days).</summary>
    public bool Zombie { get; init; }

    /// <summary>休眠: silent past the dormant line (default 60 days), or no more than the sporadic count (default 3) of posts in
    /// the zombie window.</summary>
    public bool Dormant { get; init; }

    /// <summary>The dormancy tier (active, warning, dormant, zombie); <see cref="Dormancy.Active"/> when the verdict is unknown.</summary>
    public Dormancy Dormancy { get; init; }

    /// <summary>Posts in the long-term window (default 90 days) and the longest silence in it.</summary>
    public int PostsLongTerm { get; init; }

    public TimeSpan? LongestGap { get; init; }

    /// <summary>Diligence and cluster tasks with their weights, counted or not. Empty when the verdict is unknown.</summary>
    public IReadOnlyList<ScorePart> Parts { get; init; } = [];

    /// <summary>The cluster tasks behind the tasks part; null when none were assigned.</summary>
    public TaskTally? Tasks { get; init; }

    /// <summary>预警: what will fail soon if nothing changes (e.g. "veto in 3 days"); not a failure yet.</summary>
    public IReadOnlyList<Reason> Warnings { get; init; } = [];

    /// <summary>Days until the two-week veto strikes, when the early warning is on; null otherwise.</summary>
    public int? VetoInDays { get; init; }

    /// <summary>Working days left before the veto (today included), when the early warning is on and the pack counts them.</summary>
    public int? VetoInWorkingDays { get; init; }

    /// <summary>The proposed disposition; null when the verdict is unknown (we do not dispose of an account we cannot read).</summary>
    public Disposition? Disposition { get; init; }

    public StabilityState Stability { get; init; }

    /// <summary>What the verdict rests on: the newest post, the last read, the vetoing findings. Filled in by the round.</summary>
    public Evidence? Evidence { get; init; }

    /// <summary>What the store keeps of this evaluation for the next one's smoothing and streaks.</summary>
    public EvaluationRecord ToRecord() =>
        new(AccountId, EvaluatedAt, RawScore, Score, Verdict, Stability.Weak, Stability.BelowStreak, Stability.AboveStreak)
        {
            LastPostAt = Evidence?.Newest?.PublishedAt ?? LastPostAt,
            LastPostLink = Evidence?.Newest?.Link,
            LastReadAt = Evidence?.LastReadAt,
            FindingIds = Evidence is { FindingIds.Count: > 0 } e ? e.FindingIds : null,
        };
}
