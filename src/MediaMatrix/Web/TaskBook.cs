using System.Collections.Concurrent;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>
/// The cluster tasks: those in config plus those operators create in the UI or through the API. Created tasks live in
/// this process only until the store learns to keep tasks (the store keeps manual completions already).
/// </summary>
internal sealed class TaskBook(MatrixConfig matrix)
{
    private readonly ConcurrentDictionary<string, ClusterTask> _created = new(StringComparer.Ordinal);

    public IReadOnlyList<ClusterTask> All => [.. matrix.Tasks, .. _created.Values.OrderBy(t => t.Issued)];

    public ClusterTask? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    public bool Add(ClusterTask task) => matrix.Tasks.All(t => t.Id != task.Id) && _created.TryAdd(task.Id, task);
}
