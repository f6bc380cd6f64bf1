using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Decisions;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>Open alert counts per account, for the overview (a task alert counts for each assignee it names).</summary>
internal static class OpenAlerts
{
    public static IReadOnlyDictionary<string, int> Counts(IReadOnlyList<Alert> open)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alert in open)
        {
            foreach (var account in alert.Accounts.Count > 0 ? alert.Accounts : [alert.Subject])
            {
                counts[account] = counts.GetValueOrDefault(account) + 1;
            }
        }

        return counts;
    }
}

/// <summary>The latest operator decision per account, for the cleanup board.</summary>
internal static class CleanupDecisions
{
    public static async Task<IReadOnlyDictionary<string, Decision>> LatestAsync(HttpContext context, CancellationToken ct)
    {
        var ids = context.RequestServices.GetRequiredService<MatrixConfig>().Accounts.Select(a => a.Id).ToList();
        var latest = await context.RequestServices.GetRequiredService<IDecisionStore>().GetLatestDecisionsAsync(ids, ct);
        return latest.ToDictionary(d => d.Key, d => d.Value);
    }
}
