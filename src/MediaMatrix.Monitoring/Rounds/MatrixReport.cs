using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Rounds;

/// <summary>Counts over one evaluation round. The pass rate (合格率) is over judged accounts: an account we could not read was not checked.
/// Grades, weak, zombie, dormant and warned count judged accounts only.</summary>
public sealed record MatrixSummary(int Checked, int Qualified, int Unqualified, int Unknown, double? PassRate)
{
    public GradeCounts Grades { get; init; } = new(0, 0, 0, 0);

    public int Weak { get; init; }

    public int Zombie { get; init; }

    public int Dormant { get; init; }

    /// <summary>Accounts with an early warning (预警) at T.</summary>
    public int Warned { get; init; }

    public static MatrixSummary Of(IReadOnlyCollection<Evaluation> evaluations)
    {
        int qualified = 0, unqualified = 0, a = 0, b = 0, c = 0, d = 0, weak = 0, zombie = 0, dormant = 0, warned = 0;
        foreach (var e in evaluations)
        {
            qualified += e.Verdict == Verdict.Qualified ? 1 : 0;
            unqualified += e.Verdict == Verdict.Unqualified ? 1 : 0;
            a += e.Grade == Grade.A ? 1 : 0;
            b += e.Grade == Grade.B ? 1 : 0;
            c += e.Grade == Grade.C ? 1 : 0;
            d += e.Grade == Grade.D ? 1 : 0;
            weak += e.Weak && e.Verdict != Verdict.Unknown ? 1 : 0;
            zombie += e.Zombie ? 1 : 0;
            dormant += e.Dormant ? 1 : 0;
            warned += e.Warnings.Count > 0 ? 1 : 0;
        }

        var judged = qualified + unqualified;
        return new MatrixSummary(evaluations.Count, qualified, unqualified, evaluations.Count - judged,
            judged == 0 ? null : Math.Round((double)qualified / judged, 4))
        {
            Grades = new GradeCounts(a, b, c, d),
            Weak = weak,
            Zombie = zombie,
            Dormant = dormant,
            Warned = warned,
        };
    }
}

/// <summary>How many judged accounts got each grade.</summary>
public sealed record GradeCounts(int A, int B, int C, int D);

/// <summary>
/// What one <see cref="EvaluationRound"/> found: every account of the matrix evaluated at one instant, in config order,
/// the cluster tasks' completion matrix at the same instant and the alert changes the rules found, with the extras the
/// request asked for. Compact: it keeps no posts.
/// </summary>
public sealed record MatrixReport(DateTimeOffset EvaluatedAt, MatrixSummary Summary, IReadOnlyList<(Account Account, Evaluation Evaluation)> Accounts)
{
    /// <summary>Accounts × tasks at the instant: every task issued by then (none when the matrix has none).</summary>
    public CompletionMatrix Completions { get; init; } = CompletionMatrix.Empty;

    /// <summary>The rule pack (and version, and the matrix's overrides) that judged this report.</summary>
    public RulePackId Pack { get; init; } = RulePackId.National;

    /// <summary>The alert changes the rules found: stored when the request applied them, else only what would change.</summary>
    public AlertChanges Alerts { get; init; } = AlertChanges.None;

    /// <summary>The daily spot check's accounts (in config order), whose alerts moved; null: every account's.</summary>
    public IReadOnlyList<string>? Sampled { get; init; }

    /// <summary>The newest post title (at or before the instant) of each account unqualified or weak, for the digest: the
    /// evidence of its last update, read once more from that post's instant when it is older than the posts the round read.</summary>
    public IReadOnlyDictionary<string, string> LatestTitles { get; init; } = new Dictionary<string, string>();

    /// <summary>Each account's last stored evaluation in the requested previous period (<see cref="RoundRequest.PeriodBefore"/>).</summary>
    public IReadOnlyList<EvaluationRecord> PeriodBefore { get; init; } = [];

    /// <summary>Dated posts published from <see cref="RoundRequest.CountPostsFrom"/> up to the instant, over all accounts.</summary>
    public int PostsCounted { get; init; }

    /// <summary>Every content finding: those stored before (any status) and those this round found, newest found first.
    /// A round that does not propose reports its new ones here all the same (<c>check</c> shows them).</summary>
    public IReadOnlyList<Content.ContentFinding> ContentFindings { get; init; } = [];

    /// <summary>Every cleanup case (open or not, newest opened first) with what this round found of them applied.</summary>
    public IReadOnlyList<Cleanup.CleanupCase> Cases { get; init; } = [];

    /// <summary>The content findings this round found that were not stored before.</summary>
    public IReadOnlyList<Content.ContentFinding> NewContentFindings { get; init; } = [];
}
