using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Inspection;

/// <summary>Reads what the store holds and runs the (pure) assessment for every account at T.</summary>
public sealed class MatrixInspector(IMatrixStore store, MatrixConfig matrix, AssessmentOptions options)
{
    // The rubric looks back 90 days at most (longest gap, zombie/dormant).
    private static readonly TimeSpan History = TimeSpan.FromDays(90);

    public async Task<MatrixReport> InspectAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = matrix.Accounts.Select(a => a.Id).ToList();
        var states = await store.GetPollStatesAsync(ids, cancellationToken).ConfigureAwait(false);
        var results = new List<(Account, Evaluation)>(matrix.Accounts.Count);
        foreach (var account in matrix.Accounts)
        {
            var posts = await store.GetPostsAsync(account.Id, now - History, cancellationToken).ConfigureAwait(false);
            var evaluation = AccountAssessor.Evaluate(account, posts, states.GetValueOrDefault(account.Id), now, options);
            results.Add((account, evaluation));
        }

        return new MatrixReport(now, MatrixSummary.Of(results.Select(r => r.Item2).ToList()), results);
    }
}
