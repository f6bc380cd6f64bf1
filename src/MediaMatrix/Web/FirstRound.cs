using System.Globalization;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Web;

/// <summary>While the first poll round of a new install runs, the overview says how far it is, so 数据不足 reads as
/// "not yet" rather than "broken".</summary>
internal static class FirstRound
{
    public static async Task<string> BannerAsync(MatrixReport report, IPostStore posts, Lang lang, CancellationToken ct)
    {
        if (!report.Accounts.Any(a => a.Evaluation.Reasons.Any(r => r.Code == "collection-never-read")))
        {
            return "";
        }

        var ids = report.Accounts.Select(a => a.Account.Id).ToList();
        var states = await posts.GetPollStatesAsync(ids, ct);
        var attempted = ids.Count(id => states.GetValueOrDefault(id)?.LastAttemptAt is not null);
        if (attempted >= ids.Count)
        {
            return "";
        }

        return string.Create(CultureInfo.InvariantCulture, $"""<p class="first-round" role="status">{lang.T($"首次采集中 {attempted}/{ids.Count}：每个账号读取后即给出检查结论", $"First collection round: {attempted}/{ids.Count} read; each account is judged as soon as it has been read")}</p>""");
    }
}
