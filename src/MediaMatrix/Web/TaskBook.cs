using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>
/// The cluster tasks: those in config plus those operators create in the UI or through the API. Created tasks are kept
/// in the store, so they survive restarts and the inspector's rubric counts them like config tasks.
/// </summary>
internal sealed class TaskBook(MatrixConfig matrix, IMatrixStore store, TimeProvider time)
{
    /// <summary>Config tasks first, then created tasks by issue time.</summary>
    public async Task<IReadOnlyList<ClusterTask>> AllAsync(CancellationToken ct) =>
        [.. matrix.Tasks, .. (await store.GetTasksAsync(ct)).Where(t => !IsConfigured(t.Id))];

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
