using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Reports;

/// <summary>
/// The <c>check</c> report as JSON. The shape is a public interface: fields may be added, never renamed.
/// </summary>
internal static class CheckReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(MatrixReport report) => JsonSerializer.Serialize(ToDocument(report), Json);

    public static ReportDocument ToDocument(MatrixReport report)
    {
        var s = report.Summary;
        var findings = report.ContentFindings.Where(f => f.Status != FindingStatus.Dismissed && f.FoundAt <= report.EvaluatedAt)
            .ToLookup(f => f.AccountId, StringComparer.Ordinal);
        return new ReportDocument(
            report.EvaluatedAt,
            new PackDocument(report.Pack.Name, report.Pack.Version, report.Pack.Title, report.Pack.TitleEn, report.Pack.Overrides),
            new SummaryDocument(s.Checked, s.Qualified, s.Unqualified, s.Unknown, s.PassRate,
                new GradesDocument(s.Grades.A, s.Grades.B, s.Grades.C, s.Grades.D), s.Weak, s.Zombie, s.Dormant, s.Warned),
            report.Accounts.Select(r => Account(r.Account, r.Evaluation, findings[r.Account.Id])).ToList());
    }

    private static AccountDocument Account(Monitoring.Matrix.Account account, Evaluation e, IEnumerable<ContentFinding> findings) => new(
        account.Id, account.Name, account.Platform.ToString().ToLowerInvariant(), account.Tier.ToString().ToLowerInvariant(),
        account.Department, e.Verdict, e.Score, e.LastPostAt, e.PostsLast7d, e.PostsLast14d, e.PostsLast30d, e.Reasons)
    {
        RawScore = e.RawScore,
        Grade = e.Grade?.ToString(),
        Weak = e.Weak,
        Zombie = e.Zombie,
        Dormant = e.Dormant,
        Dormancy = e.Verdict == Verdict.Unknown ? null : e.Dormancy,
        PostsLast90d = e.Verdict == Verdict.Unknown ? null : e.PostsLongTerm,
        LongestGapDays = e.LongestGap is { } gap ? Math.Round(gap.TotalDays, 1) : null,
        Disposition = e.Disposition is { } d ? new DispositionDocument(d.Kind, d.Deadline, d.MergeInto, d.Reasons) : null,
        Parts = [.. e.Parts.Select(p => new PartDocument(p.Name, p.Score, p.Weight, p.Counted, p.EffectiveWeight))],
        Tasks = new TasksDocument(e.Tasks?.Assigned ?? 0, e.Tasks?.Completed ?? 0, e.Tasks?.OnTime ?? 0),
        Warnings = e.Warnings,
        VetoInDays = e.VetoInDays,
        VetoInWorkingDays = e.VetoInWorkingDays,
        Evidence = e.Evidence is { } ev ? new EvidenceDocument(ev.Newest, ev.LastReadAt, ev.FindingIds) : null,
        ContentFindings = [.. findings.Select(f => new FindingDocument(f.Id, f.Rule, f.Kind, f.Severity, f.Status, f.PostTitle, f.PostLink,
            f.PublishedAt, f.Before, f.Match, f.After, f.Correct, f.FoundAt))],
    };

    internal sealed record ReportDocument(DateTimeOffset EvaluatedAt, PackDocument Rules, SummaryDocument Summary, IReadOnlyList<AccountDocument> Accounts);

    /// <summary>Which rule pack judged the report: name, version, title, and the numbers the matrix overrode.</summary>
    internal sealed record PackDocument(string Pack, string Version, string Title, string TitleEn, IReadOnlyList<string> Overrides);

    internal sealed record SummaryDocument(
        int Checked, int Qualified, int Unqualified, int Unknown, double? PassRate, GradesDocument Grades, int Weak, int Zombie, int Dormant, int Warned);

    /// <summary>Grade letters as JSON names, upper case as operators write them.</summary>
    internal sealed record GradesDocument(
        [property: JsonPropertyName("A")] int A, [property: JsonPropertyName("B")] int B,
        [property: JsonPropertyName("C")] int C, [property: JsonPropertyName("D")] int D);

    internal sealed record AccountDocument(
        string Id, string Name, string Platform, string Tier, string Department, Verdict Verdict, double? Score, DateTimeOffset? LastPostAt,
        int PostsLast7d, int PostsLast14d, int PostsLast30d, IReadOnlyList<Reason> Reasons)
    {
        /// <summary>This instant's score before smoothing; <see cref="Score"/> is the published one.</summary>
        public double? RawScore { get; init; }

        public string? Grade { get; init; }

        public bool Weak { get; init; }

        public bool Zombie { get; init; }

        public bool Dormant { get; init; }

        /// <summary>The pack's dormancy tier (active, warning, dormant, zombie); null when the verdict is unknown.</summary>
        public Dormancy? Dormancy { get; init; }

        public int? PostsLast90d { get; init; }

        public double? LongestGapDays { get; init; }

        public DispositionDocument? Disposition { get; init; }

        public IReadOnlyList<PartDocument> Parts { get; init; } = [];

        /// <summary>Tasks whose deadline fell in the window before T; all zero when none were assigned.</summary>
        public TasksDocument Tasks { get; init; } = new(0, 0, 0);

        public IReadOnlyList<Reason> Warnings { get; init; } = [];

        public int? VetoInDays { get; init; }

        /// <summary>Working days left before the veto (today included), when warned.</summary>
        public int? VetoInWorkingDays { get; init; }

        /// <summary>What the verdict rests on: the newest dated post (检查时更新日期), the last successful read, the findings.</summary>
        public EvidenceDocument? Evidence { get; init; }

        /// <summary>Content findings not dismissed: proposed (this round's new ones included) and confirmed.</summary>
        public IReadOnlyList<FindingDocument> ContentFindings { get; init; } = [];
    }

    internal sealed record EvidenceDocument(EvidencePost? Newest, DateTimeOffset? LastReadAt, IReadOnlyList<string> FindingIds);

    internal sealed record FindingDocument(
        string Id, string Rule, FindingKind Kind, ContentSeverity Severity, FindingStatus Status, string PostTitle, string? PostLink,
        DateTimeOffset? PublishedAt, string Before, string Match, string After, string? Correct, DateTimeOffset FoundAt);

    internal sealed record DispositionDocument(DispositionKind Kind, DateTimeOffset? Deadline, string? MergeInto, IReadOnlyList<Reason> Reasons);

    internal sealed record PartDocument(string Name, double? Score, double Weight, bool Counted, double EffectiveWeight);

    internal sealed record TasksDocument(int Assigned, int Completed, int OnTime);
}
