using System.Collections.Concurrent;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// Every account's posts, a year either side of the anchor, as a pure function of
/// (seed, account, anchor). Regular posts depend only on the seed, the account and the calendar
/// day, so an active account's history is the same whenever the simulator starts; the anchor only
/// decides where a behaviour stops or thins the cadence. Nothing is stored: a page is generated
/// day by day backwards from "now", which keeps 150k simulated accounts (performance.md E2) in
/// a few megabytes. Posts after "now" exist but are not served until the clock reaches them.
/// </summary>
internal sealed class PostingHistory(int seed, DateTimeOffset anchor, IReadOnlyList<SimulatedTask> tasks)
{
    private const int DaysEitherSide = 365;
    private readonly ConcurrentDictionary<string, HistoryPlan> _plans = new();
    private readonly TaskPosts _taskPosts = new(seed, anchor, tasks);

    public DateTimeOffset Anchor => anchor;

    private DateOnly FirstDay => ChinaTime.DateOf(anchor).AddDays(-DaysEitherSide);

    private DateOnly LastDay => ChinaTime.DateOf(anchor).AddDays(DaysEitherSide);

    /// <summary>The newest <paramref name="count"/> posts published at or before <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<SimulatedPost> Latest(SimulatedAccount account, DateTimeOffset now, int count)
    {
        var plan = PlanOf(account);
        // Sporadic posts all come after regular posting stopped, so they are the newest.
        var posts = plan.Sporadic.Where(published => published <= now)
            .OrderDescending()
            .Select(published => MakePost(account, published, 0))
            .Take(count)
            .ToList();
        var newest = plan.RegularUntil is { } until && until < now ? until : now;
        var lastDay = ChinaTime.DateOf(newest) < LastDay ? ChinaTime.DateOf(newest) : LastDay;
        for (var day = lastDay; day >= FirstDay && posts.Count < count; day = day.AddDays(-1))
        {
            posts.AddRange(PostsOn(account, plan, day).Where(post => post.Published <= newest).Reverse().Take(count - posts.Count));
        }

        return posts;
    }

    /// <summary>The post with this article number, if it exists and is published by <paramref name="now"/>.</summary>
    public SimulatedPost? Find(SimulatedAccount account, long number, DateTimeOffset now)
    {
        var dayNumber = number / 100;
        if (!DateOnly.TryParseExact(dayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "yyyyMMdd", out var day))
        {
            return null;
        }

        var plan = PlanOf(account);
        var sporadic = plan.Sporadic.Where(published => ChinaTime.DateOf(published) == day).Select(published => MakePost(account, published, 0));
        return PostsOn(account, plan, day).Concat(sporadic).FirstOrDefault(post => post.Number == number && post.Published <= now);
    }

    private HistoryPlan PlanOf(SimulatedAccount account) => _plans.GetOrAdd(account.Id, _ => HistoryPlan.For(account, seed, anchor));

    /// <summary>The regular posts of one day, with the day's task posts and reposts, that the plan keeps, oldest first.
    /// An account that stopped posting regularly reposts nothing after it stopped either.</summary>
    private List<SimulatedPost> PostsOn(SimulatedAccount account, HistoryPlan plan, DateOnly day)
    {
        if (day < FirstDay || day > LastDay)
        {
            return [];
        }

        var regular = RegularTimes(account, day).Select((published, index) => MakePost(account, published, index));
        var tasked = _taskPosts.On(account, day).Select(post => MakePost(account, post.Published, post.Place, post.Title));
        return regular.Concat(tasked)
            .Where(post => plan.RegularUntil is not { } until || post.Published <= until)
            .OrderBy(post => post.Published)
            .ToList();
    }

    /// <summary>Head: 3–6 posts a day, 07:00–21:59. Member: every other day for sure, the other days with a 30 % chance, 08:00–19:59.</summary>
    private List<DateTimeOffset> RegularTimes(SimulatedAccount account, DateOnly day)
    {
        var random = new Random(StableHash.Of(seed, account.Id, day.DayNumber));
        int count;
        if (account.IsHead)
        {
            count = random.Next(3, 7);
        }
        else
        {
            // Parity by account so the members do not all post on the same days.
            var sureDay = (day.DayNumber + (StableHash.Of(account.Id) & 1)) % 2 == 0;
            count = sureDay || random.NextDouble() < 0.3 ? 1 : 0;
        }

        var (firstHour, lastHour) = account.IsHead ? (7, 22) : (8, 20);
        var times = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(ChinaTime.At(day, random.Next(firstHour, lastHour), random.Next(60)));
        }

        times.Sort();
        return times;
    }

    private SimulatedPost MakePost(SimulatedAccount account, DateTimeOffset published, int indexInDay, string? title = null)
    {
        var local = ChinaTime.ToChina(published);
        var day = DateOnly.FromDateTime(local.DateTime);
        var number = (((long)day.Year * 100 + day.Month) * 100 + day.Day) * 100 + indexInDay;
        var random = new Random(StableHash.Of(seed, account.Id, number));
        var link = account.Format == SourceFormat.HtmlList
            ? $"/sites/{account.Id}/art/{day:yyyy}/{day:MM}/{day:dd}/art_{number}.html"
            : $"/posts/{account.Id}/{number}.html";
        var post = new SimulatedPost($"{account.Id}-{number}", number, title ?? TitleCatalogue.Pick(account.Topic, random, day), link, local);
        return account.Behaviour == AccountBehaviour.Hostile ? HostilePayloads.Infect(post, (long)day.DayNumber * 7 + indexInDay) : post;
    }
}
