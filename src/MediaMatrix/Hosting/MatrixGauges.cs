using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;
using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>
/// The matrix-level and per-account gauges, set from each inspection. Labels are bounded:
/// account ids come from config, never from scraped data.
/// </summary>
internal sealed class MatrixGauges
{
    private static readonly Gauge Accounts = Metrics.CreateGauge("mediamatrix_accounts", "Accounts by verdict at the last evaluation.", "verdict");
    private static readonly Gauge PassRate = Metrics.CreateGauge("mediamatrix_pass_rate_ratio", "Qualified share of judged accounts at the last evaluation.");
    private static readonly Gauge Score = Metrics.CreateGauge("mediamatrix_account_score", "Account score (0-100) at the last evaluation.", "account", "department", "platform", "tier");
    private static readonly Gauge DaysSincePost = Metrics.CreateGauge("mediamatrix_account_days_since_last_post", "Days from the last dated post to the evaluation.", "account", "department", "platform", "tier");
    private static readonly Gauge Unqualified = Metrics.CreateGauge("mediamatrix_account_unqualified", "1 when the account is unqualified at the last evaluation.", "account", "department", "platform", "tier");

    public void Update(MatrixReport report)
    {
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            Accounts.WithLabels(verdict.ToString().ToLowerInvariant()).Set(report.Accounts.Count(a => a.Evaluation.Verdict == verdict));
        }

        PassRate.Set(report.Summary.PassRate ?? double.NaN);
        foreach (var (account, e) in report.Accounts)
        {
            string[] labels = [account.Id, account.Department, account.Platform.ToString().ToLowerInvariant(), account.Tier.ToString().ToLowerInvariant()];
            Score.WithLabels(labels).Set(e.Score ?? double.NaN);
            DaysSincePost.WithLabels(labels).Set(e.LastPostAt is { } last ? (report.EvaluatedAt - last).TotalDays : double.NaN);
            Unqualified.WithLabels(labels).Set(e.Verdict == Verdict.Unqualified ? 1 : 0);
        }
    }
}
