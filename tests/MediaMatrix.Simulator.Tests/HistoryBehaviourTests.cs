using System.Globalization;

namespace MediaMatrix.Simulator.Tests;

/// <summary>The history-shaped behaviours land on the side of each rule (domain.md) they are cast for.</summary>
public sealed class HistoryBehaviourTests
{
    /// <summary>Starts at different hours and seasons, so no case holds only by luck of the calendar.</summary>
    public static TheoryData<string> Starts => ["2026-11-20T02:30:00Z", "2026-11-27T15:59:59Z", "2027-02-28T20:00:00Z", "2026-06-15T09:05:00Z"];

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Head_PostsSeveralTimesADay(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(start: now);

        var posts = await simulator.ReadRssAsync("head");

        // 20 posts at 3–6 a day reach back at most a week.
        Assert.True(now - posts[^1].Published!.Value < TimeSpan.FromDays(7));
        // Posts fall at 07:00–21:59, so early in the day the newest can be yesterday morning's.
        Assert.True(now - posts[0].Published!.Value < TimeSpan.FromDays(2));
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task ActiveMember_PostsEveryOtherDayOrMoreOften(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(start: now);

        var posts = await simulator.ReadRssAsync("active");

        // Every other day for sure, at 08:00–19:59: a gap is at most two days and twelve hours.
        Assert.True(now - posts[0].Published!.Value < TimeSpan.FromDays(3));
        var gaps = posts.Zip(posts.Skip(1), (newer, older) => newer.Published!.Value - older.Published!.Value);
        Assert.All(gaps, gap => Assert.True(gap < TimeSpan.FromDays(3), $"gap {gap}"));
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Slowing_StillHasAPostInsideTwoWeeks_ButNotInTheLastTenDays(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(start: now);

        var posts = await simulator.ReadRssAsync("slowing");

        var age = now - posts[0].Published!.Value;
        Assert.InRange(age, TimeSpan.FromDays(10), TimeSpan.FromDays(13));
        // Sparse before that: one more post in the three weeks before its last.
        Assert.Single(posts, p => now - p.Published!.Value < TimeSpan.FromDays(30) && p != posts[0]);
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Quiet_LastPostIsBetween15And25DaysOld(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(start: now);

        var posts = await simulator.ReadRssAsync("quiet");

        Assert.InRange(now - posts[0].Published!.Value, TimeSpan.FromDays(15), TimeSpan.FromDays(25));
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Dormant_HasAtMostThreePostsIn90Days_TheLast30To60DaysOld(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(start: now);

        var posts = await simulator.ReadRssAsync("dormant");

        Assert.InRange(posts.Count(p => now - p.Published!.Value <= TimeSpan.FromDays(90)), 1, 3);
        Assert.InRange(now - posts[0].Published!.Value, TimeSpan.FromDays(30), TimeSpan.FromDays(60));
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public async Task Zombie_NewestPostIsOver90DaysOld(string start)
    {
        var now = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        await using var simulator = await RunningSimulator.StartAsync(start: now);

        var posts = await simulator.ReadRssAsync("zombie");

        Assert.NotEmpty(posts);
        Assert.True(now - posts[0].Published!.Value > TimeSpan.FromDays(120));
    }
}
