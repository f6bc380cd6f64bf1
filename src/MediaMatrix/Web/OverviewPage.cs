using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Web;

/// <summary>The overview's filters, sort and grouping, read from the query string (the page is Pages/Overview.razor).</summary>
public sealed record OverviewFilter(string? Department, string? Platform, string? Verdict, string? Grade, string Sort, string Group)
{
    internal static OverviewFilter Of(IQueryCollection q) => new(
        Blank(q["department"]), Blank(q["platform"]), Blank(q["verdict"]), Blank(q["grade"]),
        q["sort"].ToString() is "score" or "name" or "last-post" ? q["sort"].ToString() : "score",
        q["group"].ToString() == "platform" ? "platform" : "department");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public bool Matches(Account a, Evaluation e) =>
        (Department is null || a.Department == Department)
        && (Platform is null || string.Equals(a.Platform.ToString(), Platform, StringComparison.OrdinalIgnoreCase))
        && (Verdict is null || string.Equals(e.Verdict.ToString(), Verdict, StringComparison.OrdinalIgnoreCase))
        && (Grade is null || string.Equals(e.Grade?.ToString(), Grade, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rows shown, sorted, grouped by department or platform; a group's key is what its header shows
    /// (a department's name, or the platform's label key).</summary>
    public IReadOnlyList<IGrouping<string, (Account Account, Evaluation Evaluation)>> Groups(MatrixReport report)
    {
        var rows = report.Accounts.Where(r => Matches(r.Account, r.Evaluation));
        rows = Sort switch
        {
            "name" => rows.OrderBy(r => r.Account.Name, StringComparer.Ordinal),
            "last-post" => rows.OrderBy(r => r.Evaluation.LastPostAt ?? DateTimeOffset.MinValue),
            _ => rows.OrderBy(r => r.Evaluation.Score ?? -1),
        };
        return [.. rows.GroupBy(r => Group == "platform" ? r.Account.Platform.ToString().ToLowerInvariant() : r.Account.Department)
            .OrderBy(g => g.Key, StringComparer.Ordinal)];
    }
}
