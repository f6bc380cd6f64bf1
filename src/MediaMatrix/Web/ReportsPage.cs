using System.Globalization;
using System.Text;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Web;

/// <summary>The reports page's overview export (the page itself is Pages/Reports.razor).</summary>
internal static class ReportsPage
{
    /// <summary>
    /// The overview as CSV, times in the matrix's zone (the last_post column names it once, in its header). A cell that a
    /// spreadsheet would read as a formula is prefixed with ' (reliability X5).
    /// </summary>
    public static string Csv(MatrixReport report, TimeZoneInfo zone)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"account,name,department,platform,verdict,grade,score,{Cell($"last_post ({zone.Id} {ZoneClock.Offset(zone, report.EvaluatedAt)})")},posts_7d,posts_30d,disposition\r\n");
        foreach (var (a, e) in report.Accounts)
        {
            string[] cells = [a.Id, a.Name, a.Department, a.Platform.ToString().ToLowerInvariant(), e.Verdict.ToString().ToLowerInvariant(),
                e.Grade?.ToString() ?? "", Html.Num(e.Score, "0.#").Replace("—", "", StringComparison.Ordinal), e.LastPostAt is { } last ? ZoneClock.Time(last, zone) : "",
                e.PostsLast7d.ToString(CultureInfo.InvariantCulture), e.PostsLast30d.ToString(CultureInfo.InvariantCulture), e.Disposition?.Kind.ToString().ToLowerInvariant() ?? ""];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
