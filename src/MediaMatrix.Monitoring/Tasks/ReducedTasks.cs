namespace MediaMatrix.Monitoring.Tasks;

/// <summary>
/// Tasks as matching compares them, reduced once for a whole matching run: each head-post link normalised, every title
/// in one bigram index. Immutable, so one instance serves any number of <see cref="AccountMatching"/> scratch spaces.
/// </summary>
internal sealed class ReducedTasks
{
    public ReducedTasks(IReadOnlyList<ClusterTask> tasks, TaskMatchOptions options)
    {
        Tasks = tasks;
        Links = new TaskLink?[tasks.Count];
        IssuedTicks = new long[tasks.Count];
        var titles = new string[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            Links[i] = tasks[i].Link is { } link && PostLink.Normalise(link) is { } normalised ? new TaskLink(normalised) : null;
            titles[i] = tasks[i].Title;
            IssuedTicks[i] = tasks[i].Issued.UtcTicks;
        }

        Titles = new TaskTitleIndex(titles);
        Threshold = options.TitleSimilarity;
    }

    public IReadOnlyList<ClusterTask> Tasks { get; }

    /// <summary>Per task, UTC ticks: read for every post examined.</summary>
    public long[] IssuedTicks { get; }

    /// <summary>Per task; null when the task has no http(s) link.</summary>
    public TaskLink?[] Links { get; }

    public TaskTitleIndex Titles { get; }

    /// <summary>Minimum Dice similarity for a title match.</summary>
    public double Threshold { get; }
}
