namespace MediaMatrix.Simulator.Tests;

/// <summary>The history-shaped behaviours land on the side of each rule (domain.md) they are cast for.</summary>
public sealed class HistoryBehaviourTests
{
    private static readonly DateTimeOffset Now = RunningSimulator.Start;

    [Fact]
    public async Task Head_PostsSeveralTimesADay()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("head");

        // 20 posts at 3–6 a day reach back at most a week.
        Assert.True(Now - posts[^1].Published!.Value < TimeSpan.FromDays(7));
        Assert.True(Now - posts[0].Published!.Value < TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task ActiveMember_PostsAtLeastEveryTwoDays()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("active");

        Assert.True(Now - posts[0].Published!.Value < TimeSpan.FromDays(2));
        var gaps = posts.Zip(posts.Skip(1), (newer, older) => newer.Published!.Value - older.Published!.Value);
        Assert.All(gaps, gap => Assert.True(gap < TimeSpan.FromDays(3), $"gap {gap}"));
    }

    [Fact]
    public async Task Slowing_StillHasAPostInsideTwoWeeks_ButNotInTheLastTenDays()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("slowing");

        var age = Now - posts[0].Published!.Value;
        Assert.InRange(age, TimeSpan.FromDays(10), TimeSpan.FromDays(13));
        // Sparse before that: one more post in the three weeks before its last.
        Assert.Single(posts, p => Now - p.Published!.Value < TimeSpan.FromDays(30) && p != posts[0]);
    }

    [Fact]
    public async Task Quiet_LastPostIsBetween15And25DaysOld()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("quiet");

        Assert.InRange(Now - posts[0].Published!.Value, TimeSpan.FromDays(15), TimeSpan.FromDays(25));
    }

    [Fact]
    public async Task Dormant_HasAtMostThreePostsIn90Days_TheLast30To60DaysOld()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("dormant");

        Assert.InRange(posts.Count(p => Now - p.Published!.Value <= TimeSpan.FromDays(90)), 1, 3);
        Assert.InRange(Now - posts[0].Published!.Value, TimeSpan.FromDays(30), TimeSpan.FromDays(60));
    }

    [Fact]
    public async Task Zombie_NewestPostIsOver90DaysOld()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var posts = await simulator.ReadRssAsync("zombie");

        Assert.NotEmpty(posts);
        Assert.True(Now - posts[0].Published!.Value > TimeSpan.FromDays(120));
    }
}
