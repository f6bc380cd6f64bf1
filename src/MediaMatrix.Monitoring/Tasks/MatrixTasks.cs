using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Which cluster tasks the matrix has: those in the config, those operators created (kept in the store), and those the
/// keyword rules make from head posts. One definition, so the rubric, the task alerts, the bulletin and the pages agree.
/// </summary>
public static class MatrixTasks
{
    /// <summary>Config tasks, then stored ones (a config task wins an id clash).</summary>
    public static async Task<IReadOnlyList<ClusterTask>> KnownAsync(MatrixConfig matrix, ITaskStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetTasksAsync(cancellationToken).ConfigureAwait(false);
        return [.. matrix.Tasks, .. stored.Where(t => !matrix.Tasks.Any(c => c.Id == t.Id))];
    }

    /// <summary>The known tasks plus the ones the keyword rules make from <paramref name="headPosts"/>.</summary>
    public static IReadOnlyList<ClusterTask> WithRuleTasks(MatrixConfig matrix, IReadOnlyList<ClusterTask> known, IReadOnlyList<Post> headPosts) =>
        matrix.Rules.Count == 0 ? known : [.. known, .. KeywordRules.Apply(headPosts, matrix.Rules, known)];
}
