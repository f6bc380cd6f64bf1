using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>
/// Reads what a bulletin needs (an inspection at the period's end or now, the stored evaluation history, posts for the
/// year and for task matching) and hands it to <see cref="BulletinBuilder"/>. The <c>bulletin</c> verb and a scheduled
/// quarterly job both call <see cref="CreateAsync"/>; neither writes anything to the store.
/// </summary>
public sealed class BulletinService(
    IPostStore store, IEvaluationStore evaluations, ITaskStore taskStore, MatrixConfig matrix, MatrixInspector inspector, AssessmentOptions assessment, TaskMatchOptions taskOptions)
{
    // Generous: a year of daily records per account, which is also the store's default cap (StoreOptions.MaxEvaluationsPerAccount).
    private const int HistoryDepth = 400;

    /// <summary>The bulletin of <paramref name="period"/> as of <paramref name="now"/>: evaluated at the period's end, or at
    /// <paramref name="now"/> while the period is still running.</summary>
    /// <exception cref="ArgumentException">The period has not started at <paramref name="now"/>.</exception>
    public async Task<Bulletin> CreateAsync(BulletinPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = matrix.Matrix.TimeZone;
        if (period.Start(zone) > now)
        {
            throw new ArgumentException($"{period.Label} has not started yet (it starts {period.Start(zone):yyyy-MM-dd})", nameof(period));
        }

        var end = period.End(zone);
        var at = end < now ? end : now;
        var report = await inspector.InspectAsync(at, cancellationToken).ConfigureAwait(false);

        // The year the period belongs to: the Q4 bulletin, evaluated at midnight on 1 January, reports the year just ended.
        var yearStart = BulletinPeriod.Month(period.Year, 1).Start(zone);
        var readFrom = Min(yearStart, at - assessment.LongTermWindow - assessment.LongTermWindow);
        var posts = new Dictionary<string, IReadOnlyList<Post>>(matrix.Accounts.Count, StringComparer.Ordinal);
        var history = new List<EvaluationRecord>();
        var postsThisYear = 0;
        foreach (var account in matrix.Accounts)
        {
            var stored = await store.GetPostsAsync(account.Id, readFrom, cancellationToken).ConfigureAwait(false);
            posts[account.Id] = [.. stored.Where(p => p.PublishedAt <= at)];
            postsThisYear += stored.Count(p => p.PublishedAt >= yearStart && p.PublishedAt <= at);
            history.AddRange(await evaluations.GetEvaluationHistoryAsync(account.Id, HistoryDepth, cancellationToken).ConfigureAwait(false));
        }

        var tasks = await CompletionAsync(posts, at, cancellationToken).ConfigureAwait(false);
        return BulletinBuilder.Build(new BulletinInputs(period, matrix.Matrix.Name, zone, report, history, tasks, postsThisYear));
    }

    // The same tasks the rubric matches (config, operators', keyword-rule), so the bulletin and check agree.
    private async Task<CompletionMatrix?> CompletionAsync(Dictionary<string, IReadOnlyList<Post>> posts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var known = await MatrixTasks.KnownAsync(matrix, taskStore, cancellationToken).ConfigureAwait(false);
        if (known.Count == 0 && matrix.Rules.Count == 0)
        {
            return null;
        }

        var tasks = MatrixTasks.WithRuleTasks(matrix, known, posts.GetValueOrDefault(matrix.Head.Id) ?? []);
        var manual = await taskStore.GetManualCompletionsAsync(null, cancellationToken).ConfigureAwait(false);
        return CompletionMatrix.Build(tasks, matrix.MemberIds, posts, manual, at, taskOptions);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
