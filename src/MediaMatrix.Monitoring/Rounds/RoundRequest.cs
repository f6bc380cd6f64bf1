namespace MediaMatrix.Monitoring.Rounds;

/// <summary>
/// What a caller asks of one <see cref="EvaluationRound"/>: the instant, whether the round writes (the scheduled
/// evaluation and the rhythm's rounds do; <c>check</c>, pages, the API, the digest and bulletins only look), and the
/// extras a consumer needs, which the round gathers while it streams so nobody reads the store again.
/// </summary>
public sealed record RoundRequest(DateTimeOffset At)
{
    /// <summary>Keep each evaluation for the next round's smoothing and weak streaks (at most one per spacing).</summary>
    public bool SaveHistory { get; init; }

    /// <summary>Store the alert changes the rules find (and tell the listeners); otherwise they are only reported.</summary>
    public bool ApplyAlerts { get; init; }

    /// <summary>Store the content checks' new findings as proposals for an operator to decide; otherwise they are only reported.</summary>
    public bool ProposeFindings { get; init; }

    /// <summary>Store what the round finds of the cleanup cases by itself (a stop-updating notice posted, a re-check's
    /// result); otherwise it is only reported in <see cref="MatrixReport.Cases"/>.</summary>
    public bool ProgressCases { get; init; }

    /// <summary>The daily spot check's sample (日抽查); null: every account's alerts move.</summary>
    public SpotCheck? Sample { get; init; }

    /// <summary>For a bulletin: each account's last stored evaluation in [start, end) (the previous period's figures).</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? PeriodBefore { get; init; }

    /// <summary>Cluster tasks due from this instant on are matched (and in <see cref="MatrixReport.Completions"/>); null:
    /// those the rubric's tally window or the task alerts' lookback still see, whichever reaches further back. A bulletin
    /// asks from its period's start.</summary>
    public DateTimeOffset? TasksDueFrom { get; init; }

    /// <summary>For a bulletin: count the dated posts published in [this, <see cref="At"/>] (the year's output).</summary>
    public DateTimeOffset? CountPostsFrom { get; init; }

    /// <summary><c>check</c>, pages, the API, the digest: judge and report, write nothing.</summary>
    public static RoundRequest Look(DateTimeOffset at) => new(at);

    /// <summary>The evaluation job, the weekly patrol and the monthly census: history kept, alerts raised and resolved,
    /// content findings proposed, cases progressed.</summary>
    public static RoundRequest Scheduled(DateTimeOffset at) => new(at) { SaveHistory = true, ApplyAlerts = true, ProposeFindings = true, ProgressCases = true };
}

/// <summary>日抽查: a seeded random sample of <see cref="Size"/> accounts plus every flagged one (an open alert, or the last
/// stored evaluation unqualified or weak), drawn for the day of the round's instant in <see cref="Zone"/>.</summary>
public sealed record SpotCheck(int Size, int Seed, TimeZoneInfo Zone);
