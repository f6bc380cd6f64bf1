using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Digest;

/// <summary>One account as the digest shows it: its evaluation, its newest post's title, and what changed since last week.</summary>
internal sealed record DigestLine(Account Account, Evaluation Evaluation, string? LatestTitle, bool NewlyUnqualified, bool NewlyWeak)
{
    public bool CollectionProblem => Evaluation.Verdict == Verdict.Unknown || Evaluation.Reasons.Any(r => r.Code.StartsWith("collection-", StringComparison.Ordinal));

    public int OpenTasks => Evaluation.Tasks is { } t ? t.Assigned - t.Completed : 0;
}

/// <summary>Everything one edition of one week's digest says, before it is drawn as HTML or text.</summary>
internal sealed record DigestContent(
    string MatrixName,
    string WeekKey,
    DateTimeOffset EvaluatedAt,
    TimeZoneInfo Zone,
    DigestRecipient Recipient,
    double? PassRate,
    double? PreviousPassRate,
    IReadOnlyList<DigestLine> Lines,
    Uri? Link)
{
    public IEnumerable<DigestLine> NewlyUnqualified => Lines.Where(l => l.NewlyUnqualified);

    public IEnumerable<DigestLine> NewlyWeak => Lines.Where(l => l.NewlyWeak);

    /// <summary>Zombies (僵尸) whose proposed disposition is not "retain": someone has to decide to merge or close.</summary>
    public IEnumerable<DigestLine> ZombiesAwaitingDecision => Lines.Where(l => l.Evaluation.Zombie && l.Evaluation.Disposition is { Kind: not DispositionKind.Retain } or null);

    public IEnumerable<DigestLine> OverdueTasks => Lines.Where(l => l.OpenTasks > 0);

    public IEnumerable<DigestLine> CollectionProblems => Lines.Where(l => l.CollectionProblem);

    /// <summary>内容问题: the recipient's content findings still waiting for a decision, and those confirmed this week.</summary>
    public IReadOnlyList<ContentFinding> Findings { get; init; } = [];

    /// <summary>The rule pack that judged the week (named at the foot of every edition).</summary>
    public RulePackId Pack { get; init; } = RulePackId.National;

    public double? PassRateChange => PassRate is { } now && PreviousPassRate is { } before ? now - before : null;

    /// <summary>Builds one edition. The office edition's pass rate is the week's kept figure (the same on every replica);
    /// a department's is over its own accounts, with no week-on-week change (only the matrix figure is kept).</summary>
    public static DigestContent Build(MatrixReport report, DigestRecipient recipient, DigestWeek week, DigestWeek? previous,
        IReadOnlyDictionary<string, string> latestTitles, TimeZoneInfo zone, string matrixName, Uri? link)
    {
        var mine = recipient.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var lines = report.Accounts.Where(a => mine.Contains(a.Account.Id)).Select(a => new DigestLine(
            a.Account, a.Evaluation, latestTitles.GetValueOrDefault(a.Account.Id),
            week.Unqualified.Contains(a.Account.Id) && previous?.Unqualified.Contains(a.Account.Id) != true,
            week.Weak.Contains(a.Account.Id) && previous?.Weak.Contains(a.Account.Id) != true)).ToList();

        double? passRate, previousRate;
        if (recipient.Edition == DigestEdition.Office)
        {
            (passRate, previousRate) = (week.PassRate, previous?.PassRate);
        }
        else
        {
            passRate = MatrixSummary.Of([.. lines.Select(l => l.Evaluation)]).PassRate;
            previousRate = null;
        }

        var weekAgo = report.EvaluatedAt - TimeSpan.FromDays(7);
        var findings = report.ContentFindings
            .Where(f => mine.Contains(f.AccountId) && f.FoundAt <= report.EvaluatedAt
                && (f.Status == FindingStatus.Proposed || (f.Status == FindingStatus.Confirmed && f.DecidedAt >= weekAgo)))
            .ToList();
        return new DigestContent(matrixName, week.WeekKey, report.EvaluatedAt, zone, recipient, passRate, previousRate, lines, link) { Findings = findings, Pack = report.Pack };
    }

    /// <summary>The week's figures as kept for next week's comparison.</summary>
    public static DigestWeek WeekOf(MatrixReport report, string weekKey, DateTimeOffset builtAt) => new(
        weekKey, builtAt, report.Summary.PassRate,
        [.. report.Accounts.Where(a => a.Evaluation.Verdict == Verdict.Unqualified).Select(a => a.Account.Id)],
        [.. report.Accounts.Where(a => a.Evaluation.Weak && a.Evaluation.Verdict != Verdict.Unknown).Select(a => a.Account.Id)]);
}
