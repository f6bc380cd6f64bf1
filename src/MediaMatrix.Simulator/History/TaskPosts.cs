using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// Where the head's cluster tasks land in the history: the head post that issues each task, and each member's repost of
/// it by the member's <see cref="RepostHabit"/>. Like <see cref="HistoryPlan"/>, a pure function of (seed, account,
/// anchor): the tasks are laid out in days before the anchor, so the demo always shows tasks of the last weeks.
/// </summary>
internal sealed class TaskPosts(int seed, DateTimeOffset anchor, IReadOnlyList<SimulatedTask> tasks)
{
    // Places in the day of the post numbers (number = yyyyMMdd·100 + place), clear of the regular posts' 0–5.
    private const int HeadPlace = 90;
    private const int RepostPlace = 60;

    // How a member's repost carries the title: as it is, or with a repost marker the matcher strips (docs/tasks.md).
    private static readonly string[] Forms = ["{0}", "转发：{0}", "【转发】{0}"];

    /// <summary>When the head issued task <paramref name="index"/>.</summary>
    public DateTimeOffset IssuedAt(int index)
    {
        var task = tasks[index];
        var random = new Random(StableHash.Of(seed, "task", index));
        return ChinaTime.At(ChinaTime.DateOf(anchor.AddDays(-task.DaysAgo)), task.Hour, random.Next(60));
    }

    /// <summary>The task posts and reposts the account publishes on <paramref name="day"/>, as (time, place, title).</summary>
    public IEnumerable<(DateTimeOffset Published, int Place, string Title)> On(SimulatedAccount account, DateOnly day)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            if ((account.IsHead ? IssuedAt(i) : RepostAt(account, i)) is { } at && ChinaTime.DateOf(at) == day)
                yield return account.IsHead ? (at, HeadPlace + i, tasks[i].Title) : (at, RepostPlace + i, RepostTitle(account, i));
        }
    }

    /// <summary>When the member reposts task <paramref name="index"/>, or null when it never does.</summary>
    public DateTimeOffset? RepostAt(SimulatedAccount account, int index)
    {
        var issued = IssuedAt(index);
        var deadline = issued + SimulatedTask.DeadlineAfter;
        var random = new Random(StableHash.Of(seed, account.Id, "repost", index));
        return account.Reposts switch
        {
            RepostHabit.Prompt => Dated(account, issued.AddHours(1 + random.Next(20)).AddMinutes(random.Next(60)), issued, random),
            RepostHabit.Late => Dated(account, deadline + TimeSpan.FromHours(6 + random.Next(55)), deadline, random),
            RepostHabit.Sometimes when (index + (StableHash.Of(account.Id) & 1)) % 2 == 0 => Dated(account, issued.AddHours(1 + random.Next(20)), issued, random),
            _ => null,
        };
    }

    /// <summary>
    /// A list page that shows only the day gives the monitor the start of that day, so a repost on the day of
    /// <paramref name="after"/> would read as before it (before the task was issued, or on time when it was late).
    /// Such an account reposts on a later day, as a CMS column that publishes the next morning does.
    /// </summary>
    private static DateTimeOffset Dated(SimulatedAccount account, DateTimeOffset at, DateTimeOffset after, Random random) =>
        account.Format == SourceFormat.HtmlList && !account.ListShowsTime && ChinaTime.DateOf(at) <= ChinaTime.DateOf(after)
            ? ChinaTime.At(ChinaTime.DateOf(after).AddDays(1), 9 + random.Next(8), random.Next(60))
            : at;

    private string RepostTitle(SimulatedAccount account, int index)
    {
        var random = new Random(StableHash.Of(seed, account.Id, "form", index));
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Forms[random.Next(Forms.Length)], tasks[index].Title);
    }
}
