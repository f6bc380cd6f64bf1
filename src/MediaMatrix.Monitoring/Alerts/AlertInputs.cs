using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>One account as the rules see it: this evaluation and the collection's state behind it.</summary>
public sealed record AccountStanding(Evaluation Evaluation, PollState? Poll);

/// <summary>One cluster task at T with the assignees that still owe it (<see cref="CompletionMatrix.MissingFor"/>).</summary>
public sealed record TaskStanding(ClusterTask Task, IReadOnlyList<string> Missing)
{
    public static IReadOnlyList<TaskStanding> Of(CompletionMatrix matrix) =>
        [.. matrix.Tasks.Select(t => new TaskStanding(t, matrix.MissingFor(t.Id)))];

    /// <summary>The tasks the alerts still watch: those with a deadline at or after <paramref name="watchedFrom"/>
    /// (<see cref="AlertOptions.TaskLookback"/> before T).</summary>
    public static IReadOnlyList<TaskStanding> Watched(CompletionMatrix matrix, DateTimeOffset watchedFrom) =>
        [.. matrix.Tasks.Where(t => t.Deadline >= watchedFrom).Select(t => new TaskStanding(t, matrix.MissingFor(t.Id)))];
}
