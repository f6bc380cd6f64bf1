namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// A cluster task the head issues as one of its posts: <paramref name="DaysAgo"/> whole days before the anchor, at
/// <paramref name="Hour"/> (Shanghai time), titled <paramref name="Title"/>. The title contains
/// <paramref name="Keyword"/>, which the matrix's keyword rule (<c>taskRules:</c> in <see cref="DemoMatrixYaml"/>) turns
/// into the task: nothing demo-specific reaches the monitor, only head posts and members' reposts. Members repost it by
/// their <see cref="RepostHabit"/>.
/// </summary>
public sealed record SimulatedTask(string Keyword, string Title, int DaysAgo, int Hour)
{
    /// <summary>The deadline the demo's keyword rule gives (<c>deadlineAfter</c>): the 48 hours of the standing orders
    /// domain.md cites. A repost later than this is late.</summary>
    public static TimeSpan DeadlineAfter { get; } = TimeSpan.FromHours(48);
}
