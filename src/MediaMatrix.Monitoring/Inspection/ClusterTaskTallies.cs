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
    public static InspectionSources Sources(MatrixConfig matrix, ITaskStore store, TaskMatchOptions options) => new()
    {
        TaskTallies = async (at, posts, cancellationToken) =>
        {
            // Operators' tasks (UI/API) are read once per inspection: they count in the rubric like config tasks.
            var known = await MatrixTasks.KnownAsync(matrix, store, cancellationToken).ConfigureAwait(false);
            if (known.Count == 0 && matrix.Rules.Count == 0)
            {
                return new Dictionary<string, TaskTally>();
            }

            var tasks = MatrixTasks.WithRuleTasks(matrix, known, posts.GetValueOrDefault(matrix.Head.Id) ?? []);
            var manual = await store.GetManualCompletionsAsync(null, cancellationToken).ConfigureAwait(false);
            return CompletionMatrix.Build(tasks, matrix.MemberIds, posts, manual, at, options).Tallies(options.TallyWindow);
        },
    };
}
