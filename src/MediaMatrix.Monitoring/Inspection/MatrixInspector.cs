using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Inspection;

/// <summary>
/// Reads what the store holds and runs the (pure) assessment for every account at T. Only the periodic evaluation persists
/// its records (they feed the next evaluation's smoothing and weak streaks), at most one per account per
/// <see cref="StabilityOptions.MinimumSpacing"/>; <c>check</c> and the web page read the history but leave it alone,
/// so looking at the matrix never changes its stability.
/// </summary>
public sealed class MatrixInspector(
    IPostStore store, IEvaluationStore evaluations, MatrixConfig matrix, AssessmentOptions options, InspectionSources? sources = null, IFindingStore? findingStore = null)
{
    public Task<MatrixReport> InspectAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        InspectAsync(now, persist: false, cancellationToken);

    public async Task<MatrixReport> InspectAsync(DateTimeOffset now, bool persist, CancellationToken cancellationToken)
    {
        var ids = matrix.Accounts.Select(a => a.Id).ToList();
        var states = await store.GetPollStatesAsync(ids, cancellationToken).ConfigureAwait(false);
        var reach = matrix.Accounts.Select(a => sources?.Reach?.Invoke(a)).ToList();
        var matrixReach = MatrixReach.Of(reach);
        // Every finding, active or not: the rubric decides which apply at T (check --now replays the past).
        var findings = findingStore is null ? [] : await findingStore.GetFindingsAsync(cancellationToken).ConfigureAwait(false);

        // Read everything first: whole-matrix task matching needs every account's posts.
        var posts = new Dictionary<string, IReadOnlyList<Post>>(matrix.Accounts.Count, StringComparer.Ordinal);
        var histories = new IReadOnlyList<EvaluationRecord>[matrix.Accounts.Count];
        for (var i = 0; i < matrix.Accounts.Count; i++)
        {
            var id = matrix.Accounts[i].Id;

            // Twice the long-term window: a post from before the window is what proves a silence since the window's start.
            posts[id] = await store.GetPostsAsync(id, now - options.LongTermWindow - options.LongTermWindow, cancellationToken).ConfigureAwait(false);
            histories[i] = await evaluations.GetEvaluationHistoryAsync(id, options.Stability.HistoryDepth, cancellationToken).ConfigureAwait(false);
        }

        var tallies = sources?.Tasks is null && sources?.TaskTallies is { } tally
            ? await tally(now, posts, cancellationToken).ConfigureAwait(false)
            : null;

        var results = new List<(Account Account, Evaluation Evaluation)>(matrix.Accounts.Count);
        for (var i = 0; i < matrix.Accounts.Count; i++)
        {
            var account = matrix.Accounts[i];
            var input = new AssessmentInput(account, posts[account.Id], states.GetValueOrDefault(account.Id))
            {
                Tasks = sources?.Tasks is { } tasks ? tasks(account, now) : tallies?.GetValueOrDefault(account.Id),
                Reach = reach[i],
                MatrixReach = matrixReach,
                Findings = findings,
                History = histories[i],
            };
            results.Add((account, AccountAssessor.Evaluate(input, now, options)));
        }

        NameMergeTargets(results);
        if (persist)
        {
            for (var i = 0; i < results.Count; i++)
            {
                if (IsDueForHistory(histories[i].Count > 0 ? histories[i][0].At : null, now))
                {
                    await evaluations.SaveEvaluationAsync(results[i].Evaluation.ToRecord(), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new MatrixReport(now, MatrixSummary.Of(results.Select(r => r.Evaluation).ToList()), results);
    }

    // Stability counts evaluations, so an evaluation job running every few minutes must not burn through K in a quarter
    // of an hour: keep one record per spacing. Re-saving the same instant is allowed (it replaces itself).
    private bool IsDueForHistory(DateTimeOffset? newest, DateTimeOffset now) =>
        newest is not { } last || last == now || last <= now - options.Stability.MinimumSpacing;

    // The merge target depends on the other accounts' evaluations, so it is filled in once all are known.
    private static void NameMergeTargets(List<(Account Account, Evaluation Evaluation)> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var (account, evaluation) = results[i];
            if (evaluation.Disposition is { Kind: DispositionKind.Merge } merge)
            {
                var target = Dispositions.MergeTarget(account, results);
                results[i] = (account, evaluation with { Disposition = Dispositions.WithMergeTarget(merge, target) });
            }
        }
    }
}
