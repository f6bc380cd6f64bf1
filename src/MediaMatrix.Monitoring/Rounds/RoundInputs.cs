using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Rounds;

/// <summary>
/// What one round reads once for the whole matrix before it streams the accounts: every account's poll state, the open
/// alerts (the rules' previous state), every finding (active or not: the rubric decides which apply at T, and
/// <c>check --now</c> replays the past), the known tasks (config and operators'), every manual completion, every content finding and every cleanup case.
/// </summary>
internal sealed record RoundInputs(
    IReadOnlyDictionary<string, PollState> Polls,
    IReadOnlyList<Alert> OpenAlerts,
    IReadOnlyList<ManualFinding> Findings,
    IReadOnlyList<ClusterTask> Known,
    IReadOnlyList<ManualCompletion> Manual)
{
    /// <summary>Every content finding (proposed, confirmed, dismissed): what the checks must not propose again.</summary>
    public IReadOnlyList<ContentFinding> ContentFindings { get; init; } = [];

    /// <summary>Every cleanup case (none without a case store).</summary>
    public IReadOnlyList<Cleanup.CleanupCase> Cases { get; init; } = [];

    public static async Task<RoundInputs> ReadAsync(
        IPostStore posts, IAlertStore alerts, ITaskStore tasks, IFindingStore findings, IContentFindingStore? contentFindings,
        MatrixConfig matrix, CancellationToken cancellationToken, ICaseStore? cases = null)
    {
        // Independent reads, in flight together.
        var polls = posts.GetPollStatesAsync([.. matrix.Accounts.Select(a => a.Id)], cancellationToken);
        var open = alerts.GetOpenAlertsAsync(cancellationToken);
        var found = findings.GetFindingsAsync(cancellationToken);
        var known = MatrixTasks.KnownAsync(matrix, tasks, cancellationToken);
        var manual = tasks.GetManualCompletionsAsync(null, cancellationToken);
        var content = contentFindings?.GetContentFindingsAsync(cancellationToken) ?? Task.FromResult<IReadOnlyList<ContentFinding>>([]);
        var cleanup = cases?.GetCasesAsync(cancellationToken) ?? Task.FromResult<IReadOnlyList<Cleanup.CleanupCase>>([]);
        await Task.WhenAll(polls, open, found, known, manual, content, cleanup).ConfigureAwait(false);
        return new RoundInputs(await polls.ConfigureAwait(false), await open.ConfigureAwait(false), await found.ConfigureAwait(false),
            await known.ConfigureAwait(false), await manual.ConfigureAwait(false))
        {
            ContentFindings = await content.ConfigureAwait(false),
            Cases = await cleanup.ConfigureAwait(false),
        };
    }
}
