using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>The day mark in the timeline's scores (docs/redis-keys.md, "Day mark"): how date-only posts show in a
/// scores-only read, and how a timeline written before the mark gets it.</summary>
public sealed partial class RedisPostStoreTests
{
    [Fact]
    public async Task DayMark_DateOnlyPostsScoreHalfAMillisecondLater_TimedOnesWholeMilliseconds()
    {
        var store = CreateStore(Options);
        var notice = DayOnly("notice", 2);
        var timed = Dated("timed", TimeSpan.FromHours(2));
        await store.RecordPollAsync(Record("acct", notice, timed), None);

        var scores = (await redis.Connection.GetDatabase().SortedSetRangeByRankWithScoresAsync(Keys.Timeline("acct")))
            .ToDictionary(entry => (string)entry.Element!, entry => entry.Score);

        Assert.Equal(notice.PublishedAt!.Value.ToUnixTimeMilliseconds() + 0.5, scores["notice"]);
        Assert.Equal(timed.PublishedAt!.Value.ToUnixTimeMilliseconds(), scores["timed"]);
    }

    [Fact]
    public async Task PublicationTimes_ReadScoresOnly_NoPostJson()
    {
        var store = CreateStore(Options);
        var posts = Enumerable.Range(1, 30).Select(i => i % 3 == 0 ? DayOnly($"d{i}", i) : Dated($"p{i}", TimeSpan.FromHours(i))).ToArray();
        await store.RecordPollAsync(Record("acct", posts), None);
        var first = await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None); // sets the day-mark marker

        // Once marked, the post JSON is never read: with every post's JSON unreadable, the times are the same.
        var db = redis.Connection.GetDatabase();
        await db.HashSetAsync(Keys.Posts("acct"), [.. posts.Select(post => new HashEntry(post.Id, "not json"))]);
        var times = await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None);

        Assert.Equal(30, times.UtcTicks.Length);
        Assert.Equal(10, times.DayStarts!.Length);
        Assert.Equal(first.UtcTicks, times.UtcTicks);
        Assert.Equal(first.DayStarts, times.DayStarts);
    }

    [Fact]
    public async Task DayMark_TimelineWrittenBeforeIt_IsMarkedByTheFirstRead_AndReadsTheSame()
    {
        var store = CreateStore(Options);
        var notice = DayOnly("notice", 2);
        var timed = Dated("timed", TimeSpan.FromHours(2));
        await store.RecordPollAsync(Record("acct", notice, timed), None);

        // What a release before the day mark left: every score a whole millisecond, no marker.
        var db = redis.Connection.GetDatabase();
        await db.SortedSetAddAsync(Keys.Timeline("acct"), "notice", notice.PublishedAt!.Value.ToUnixTimeMilliseconds());
        Assert.False(await db.KeyExistsAsync(Keys.DayMarked("acct")));
        var postsBefore = await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None);

        var times = await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None);

        Assert.Equal([notice.PublishedAt.Value.UtcTicks], times.DayStarts ?? []);
        Assert.Equal(notice.PublishedAt.Value.ToUnixTimeMilliseconds() + 0.5, await db.SortedSetScoreAsync(Keys.Timeline("acct"), "notice"));
        Assert.Equal(timed.PublishedAt!.Value.ToUnixTimeMilliseconds(), await db.SortedSetScoreAsync(Keys.Timeline("acct"), "timed"));
        Assert.NotNull(await db.KeyTimeToLiveAsync(Keys.DayMarked("acct")));

        // The posts themselves, precision included, read as they did before.
        Assert.Equal(postsBefore, await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
        Assert.Equal(DatePrecision.Day, postsBefore.Single(post => post.Id == "notice").Precision);
    }

    [Fact]
    public async Task DayMark_MarkerSet_LeavesTheTimelineAlone_AndAnEmptyAccountGetsNoMarker()
    {
        var store = CreateStore(Options);
        await store.GetPublicationTimesAsync("never-polled", DateTimeOffset.MinValue, None);
        Assert.Empty(await ScanAsync());

        await store.RecordPollAsync(Record("acct", DayOnly("notice", 2)), None);
        await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None);
        var db = redis.Connection.GetDatabase();
        var whole = (double)DayOnly("notice", 2).PublishedAt!.Value.ToUnixTimeMilliseconds();
        await db.SortedSetAddAsync(Keys.Timeline("acct"), "notice", whole, SortedSetWhen.Exists);

        // Marked once: later reads trust the scores (a whole score after the mark is a timed post, as the writer made it).
        Assert.Null((await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None)).DayStarts);
        Assert.Equal(whole, await db.SortedSetScoreAsync(Keys.Timeline("acct"), "notice"));
    }
}
