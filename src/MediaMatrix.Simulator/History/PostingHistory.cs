using System.Collections.Concurrent;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// Every account's posts for a year either side of the anchor, as a pure function of
/// (seed, account, anchor). Regular posts depend only on the seed, the account and the calendar
/// day, so an active account's history is the same whenever the simulator starts; the anchor only
/// decides where a behaviour stops or thins the cadence. Posts after "now" exist but are not
/// served until the clock reaches them.
/// </summary>
internal sealed class PostingHistory(int seed, DateTimeOffset anchor)
{
    private const int DaysEitherSide = 365;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SimulatedPost>> _byAccount = new();

    public DateTimeOffset Anchor => anchor;

    /// <summary>The posts published at or before <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<SimulatedPost> PublishedBy(SimulatedAccount account, DateTimeOffset now) =>
        All(account).SkipWhile(post => post.Published > now).ToList();

    /// <summary>The whole history, future included, newest first.</summary>
    public IReadOnlyList<SimulatedPost> All(SimulatedAccount account) =>
        _byAccount.GetOrAdd(account.Id, _ => Generate(account));

    private List<SimulatedPost> Generate(SimulatedAccount account)
    {
        var plan = HistoryPlan.For(account, seed, anchor);
        var anchorDay = ChinaTime.DateOf(anchor);
        var posts = new List<SimulatedPost>();
        for (var day = anchorDay.AddDays(-DaysEitherSide); day <= anchorDay.AddDays(DaysEitherSide); day = day.AddDays(1))
        {
            var times = RegularTimes(account, day);
            for (var index = 0; index < times.Count; index++)
            {
                if (plan.RegularUntil is { } until && times[index] > until)
                {
                    continue;
                }

                posts.Add(MakePost(account, times[index], index));
            }
        }

        posts.AddRange(plan.Sporadic.Select(published => MakePost(account, published, 0)));
        posts.Sort((a, b) => b.Published.CompareTo(a.Published));
        return account.Behaviour == AccountBehaviour.Hostile ? posts.Select(HostilePayloads.Infect).ToList() : posts;
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

    private SimulatedPost MakePost(SimulatedAccount account, DateTimeOffset published, int indexInDay)
    {
        var local = ChinaTime.ToChina(published);
        var day = DateOnly.FromDateTime(local.DateTime);
        var number = (((long)day.Year * 100 + day.Month) * 100 + day.Day) * 100 + indexInDay;
        var random = new Random(StableHash.Of(seed, account.Id, number));
        var link = account.Format == SourceFormat.HtmlList
            ? $"/sites/{account.Id}/art/{day:yyyy}/{day:MM}/{day:dd}/art_{number}.html"
            : $"/posts/{account.Id}/{number}.html";
        return new SimulatedPost($"{account.Id}-{number}", number, TitleCatalogue.Pick(account.Topic, random), link, local);
    }
}
