using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Inspection;

/// <summary>
/// Connects cluster-task matching to the rubric: the configured tasks, those operators created (kept in the store), and
/// those the keyword rules make from head posts,
/// matched against the posts the inspector has read and the operators' manual completions, tallied per member.
/// </summary>
public static class ClusterTaskTallies
{
    public static InspectionSources Sources(MatrixConfig matrix, IMatrixStore store, TaskMatchOptions options) => new()
    {
        TaskTallies = async (at, posts, cancellationToken) =>
        {
            // Operators' tasks (UI/API) are read once per inspection: they count in the rubric like config tasks.
            var stored = await store.GetTasksAsync(cancellationToken).ConfigureAwait(false);
            if (matrix.Tasks.Count == 0 && matrix.Rules.Count == 0 && stored.Count == 0)
            {
                return new Dictionary<string, TaskTally>();
            }

            var headPosts = posts.GetValueOrDefault(matrix.Head.Id) ?? [];
            IReadOnlyList<ClusterTask> known = [.. matrix.Tasks, .. stored];
            IEnumerable<ClusterTask> tasks = [.. known, .. KeywordRules.Apply(headPosts, matrix.Rules, known)];
            var manual = await store.GetManualCompletionsAsync(null, cancellationToken).ConfigureAwait(false);
            return CompletionMatrix.Build(tasks, matrix.MemberIds, posts, manual, at, options).Tallies(options.TallyWindow);
        },
    };
}
