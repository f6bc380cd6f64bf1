using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>While the first poll round of a new install runs, the overview says how far it is, so 数据不足 reads as
/// "not yet" rather than "broken".</summary>
internal static class FirstRound
{
    /// <summary>Accounts read so far and in all while the first round runs; null once every account was tried.</summary>
    public static async Task<(int Read, int Total)?> ProgressAsync(MatrixReport report, IPostStore posts, CancellationToken ct)
    {
        if (!report.Accounts.Any(a => a.Evaluation.Reasons.Any(r => r.Code == "collection-never-read")))
        {
            return null;
        }

        var ids = report.Accounts.Select(a => a.Account.Id).ToList();
        var states = await posts.GetPollStatesAsync(ids, ct);
        var attempted = ids.Count(id => states.GetValueOrDefault(id)?.LastAttemptAt is not null);
        if (attempted >= ids.Count)
        {
            return null;
        }

        return (attempted, ids.Count);
    }
}
