using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;

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

    public static ReportDocument ToDocument(MatrixReport report) => new(
        report.EvaluatedAt,
        new SummaryDocument(report.Summary.Checked, report.Summary.Qualified, report.Summary.Unqualified, report.Summary.Unknown, report.Summary.PassRate),
        report.Accounts.Select(r => new AccountDocument(
            r.Account.Id, r.Account.Name, r.Account.Platform.ToString().ToLowerInvariant(), r.Account.Tier.ToString().ToLowerInvariant(),
            r.Account.Department, r.Evaluation.Verdict, r.Evaluation.Score, r.Evaluation.LastPostAt,
            r.Evaluation.PostsLast7d, r.Evaluation.PostsLast14d, r.Evaluation.PostsLast30d, r.Evaluation.Reasons)).ToList());

    internal sealed record ReportDocument(DateTimeOffset EvaluatedAt, SummaryDocument Summary, IReadOnlyList<AccountDocument> Accounts);

    internal sealed record SummaryDocument(int Checked, int Qualified, int Unqualified, int Unknown, double? PassRate);

    internal sealed record AccountDocument(
        string Id, string Name, string Platform, string Tier, string Department, Verdict Verdict, double? Score, DateTimeOffset? LastPostAt,
        int PostsLast7d, int PostsLast14d, int PostsLast30d, IReadOnlyList<Reason> Reasons);
}
