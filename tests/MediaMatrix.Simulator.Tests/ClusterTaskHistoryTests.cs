using System.Globalization;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Tests;

/// <summary>
/// The head issues the demo's cluster tasks as posts, and each member reposts them by its habit, whenever the simulator
/// starts. "Done" here is what the monitor's title match finds: the member's title ends with the task's title (the repost
/// markers it may carry are what TitleCore strips).
/// </summary>
public sealed class ClusterTaskHistoryTests
{
    private static readonly TimeSpan Deadline = SimulatedTask.DeadlineAfter;

    private static readonly IReadOnlyList<SimulatedAccount> Cast =
    [
        new("head", "测试主账号", "app", "head", "区融媒体中心", Topic.News, SourceFormat.Rss, AccountBehaviour.Active, Issues: DemoCast.Tasks, PageSize: 150),
        Member("prompt", RepostHabit.Prompt),
        Member("late", RepostHabit.Late),
        Member("sometimes", RepostHabit.Sometimes),
        Member("never", RepostHabit.Never),
        Member("zombie", RepostHabit.Prompt, AccountBehaviour.Zombie),
    ];

    public static TheoryData<string> Starts => ["2026-11-20T02:30:00Z", "2026-11-27T15:59:59Z", "2027-02-28T20:00:00Z", "2026-06-15T09:05:00Z"];

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Head_IssuesEveryTaskAsAPost_AndNoOtherPostCarriesARuleKeyword(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(Cast, start: now);

        var posts = await simulator.ReadRssAsync("head");

        Assert.Equal(150, posts.Count);
        foreach (var task in DemoCast.Tasks)
        {
            Assert.Contains(task.Keyword, task.Title, StringComparison.Ordinal);
            var issued = Assert.Single(posts, p => p.Title == task.Title).Published!.Value;
            // Whole days before the anchor (the start rounded down to the hour), at the task's hour in Shanghai.
            Assert.InRange(now - issued, TimeSpan.FromDays(task.DaysAgo - 1), TimeSpan.FromDays(task.DaysAgo + 1));
            Assert.Equal(task.Hour, issued.ToOffset(TimeSpan.FromHours(8)).Hour);
        }

        // A regular headline with a keyword would become a task nobody was cast to do.
        var keywords = DemoCast.Tasks.Select(t => t.Keyword).ToList();
        Assert.All(posts.Where(p => keywords.Any(k => p.Title.Contains(k, StringComparison.Ordinal))),
            p => Assert.Contains(DemoCast.Tasks, t => t.Title == p.Title));
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Members_RepostByTheirHabit_OnTimeLateOrNever(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(Cast, start: now);
        var issued = (await simulator.ReadRssAsync("head")).Where(p => DemoCast.Tasks.Any(t => t.Title == p.Title))
            .ToDictionary(p => p.Title, p => p.Published!.Value);
        // Past its deadline and the latest a late repost lands: every habit has shown itself for these.
        var settled = DemoCast.Tasks.Where(t => issued[t.Title] + Deadline + TimeSpan.FromHours(61) < now).ToList();
        Assert.True(settled.Count >= 3, $"{settled.Count} settled tasks");

        async Task<List<DateTimeOffset?>> RepostsAsync(string id)
        {
            var posts = await simulator.ReadRssAsync(id);
            return [.. settled.Select(t => posts.FirstOrDefault(p => p.Title.EndsWith(t.Title, StringComparison.Ordinal))?.Published)];
        }

        var prompt = await RepostsAsync("prompt");
        Assert.All(settled.Zip(prompt), x => Assert.InRange(x.Second!.Value, issued[x.First.Title], issued[x.First.Title] + Deadline));
        var late = await RepostsAsync("late");
        Assert.All(settled.Zip(late), x => Assert.True(x.Second > issued[x.First.Title] + Deadline, $"{x.First.Title}: {x.Second}"));
        var sometimes = await RepostsAsync("sometimes");
        Assert.Contains(sometimes, t => t is null);
        Assert.Contains(sometimes, t => t is not null);
        Assert.All(settled.Zip(sometimes).Where(x => x.Second is not null), x => Assert.InRange(x.Second!.Value, issued[x.First.Title], issued[x.First.Title] + Deadline));
        Assert.All(await RepostsAsync("never"), Assert.Null);
        // An account that went silent months ago reposts nothing either, whatever its habit.
        Assert.All(await RepostsAsync("zombie"), Assert.Null);
    }

    private static SimulatedAccount Member(string id, RepostHabit habit, AccountBehaviour behaviour = AccountBehaviour.Active) =>
        new(id, $"测试{id}", "wechat", "member", "测试单位", Topic.Government, SourceFormat.Rss, behaviour, Reposts: habit);
}
