using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>
/// The cluster tasks: those in config, those operators create in the UI or through the API, and those the keyword rules
/// make from head posts: the same set the evaluation round counts. Created tasks are kept in the store, so they
/// survive restarts.
/// </summary>
internal sealed class TaskBook(MatrixConfig matrix, IPostStore posts, ITaskStore store, TimeProvider time, TaskMatchOptions matching)
{
    /// <summary>Config tasks first, then created tasks by issue time, then rule tasks.</summary>
    public async Task<IReadOnlyList<ClusterTask>> AllAsync(CancellationToken ct)
    {
        var known = await MatrixTasks.KnownAsync(matrix, store, ct);
        if (matrix.Rules.Count == 0)
        {
            return known;
        }

        // Head posts within the rubric's tally window: older rule tasks no longer count, so the pages need not show them.
        var headPosts = await posts.GetPostsAsync(matrix.Head.Id, time.GetUtcNow() - matching.TallyWindow, ct);
        return MatrixTasks.WithRuleTasks(matrix, known, headPosts);
    }

    public async Task<ClusterTask?> FindAsync(string id, CancellationToken ct) =>
        (await AllAsync(ct)).FirstOrDefault(t => t.Id == id);

    /// <summary>False when the id is a config task's: config owns those ids, and a stored copy would shadow it.</summary>
    public async Task<bool> AddAsync(ClusterTask task, string createdBy, CancellationToken ct)
    {
        if (IsConfigured(task.Id))
        {
            return false;
        }

        await store.SaveTaskAsync(task, createdBy, time.GetUtcNow(), ct);
        return true;
    }

    private bool IsConfigured(string id) => matrix.Tasks.Any(t => t.Id == id);
}
