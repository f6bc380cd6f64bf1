namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// A cluster task (集群协同任务): the head (or the office) issues an item and each assignee must repost or
/// publish it between <see cref="Issued"/> and <see cref="Deadline"/>. <see cref="Link"/> is the head post.
/// An empty <see cref="Assignees"/> means every member of the matrix, so a task written before an account
/// joined still reaches it.
/// </summary>
public sealed record ClusterTask(
    string Id,
    string Title,
    Uri? Link,
    DateTimeOffset Issued,
    DateTimeOffset Deadline,
    IReadOnlyList<string> Assignees)
{
    /// <summary>The accounts that owe this task: the named assignees, or every member when none are named.</summary>
    public IReadOnlyList<string> AssigneesAmong(IReadOnlyList<string> memberIds) =>
        Assignees.Count == 0 ? memberIds : Assignees;
}
