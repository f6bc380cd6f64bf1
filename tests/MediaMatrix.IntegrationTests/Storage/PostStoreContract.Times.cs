using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary><see cref="IPostStore.GetPublicationTimesAsync"/>: the instants <see cref="IPostStore.GetPostsAsync"/> would
/// give, as numbers only, with the date-only ones marked.</summary>
public abstract partial class PostStoreContract
{
    /// <summary>A date-only post as the extractor makes one: the local midnight its day starts at.</summary>
    protected static Post DayOnly(string id, int daysAgo) =>
        new(id, $"关于{id}的公告", $"https://www.example.gov.cn/xxgk/{id}.html", new DateTimeOffset(Now.Date.AddDays(-daysAgo), Now.Offset), Precision: DatePrecision.Day);

    private static long[] TicksOf(IEnumerable<Post> posts) => [.. posts.Select(post => post.PublishedAt!.Value.UtcTicks).Order()];

    [Fact]
    public async Task PublicationTimes_AreThePostsInstantsAscending_WithTheDateOnlyOnesMarked()
    {
        var store = CreateStore(Options);
        Post[] posts =
        [
            Dated("recent", TimeSpan.FromHours(3)), DayOnly("notice", 2), Dated("same-instant", TimeSpan.FromHours(3)),
            Dated("old", TimeSpan.FromDays(20)), DayOnly("older-notice", 12), Undated("u1"),
        ];
        await store.RecordPollAsync(Record("acct", posts), None);

        foreach (var since in new[] { DateTimeOffset.MinValue, Now - TimeSpan.FromDays(12), Now - TimeSpan.FromDays(7), Now })
        {
            var stored = await store.GetPostsAsync("acct", since, None);
            var times = await store.GetPublicationTimesAsync("acct", since, None);

            // Duplicates kept: two posts in one instant are two instants, as they are two posts.
            Assert.Equal(TicksOf(stored), times.UtcTicks);
            var dayOnly = stored.Where(post => post.Precision == DatePrecision.Day).ToList();
            Assert.Equal(dayOnly.Count == 0 ? null : TicksOf(dayOnly), times.DayStarts);
        }

        var all = await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None);
        Assert.Equal(5, all.UtcTicks.Length); // the undated post is no instant
        Assert.Equal([posts[4].PublishedAt!.Value.UtcTicks, posts[1].PublishedAt!.Value.UtcTicks], all.DayStarts ?? []);
    }

    [Fact]
    public async Task PublicationTimes_WithNoDatedPost_AreEmpty_AndNoDayStarts()
    {
        var store = CreateStore(Options);
        await store.RecordPollAsync(Record("acct", Undated("u1"), Dated("timed", TimeSpan.FromHours(1))), None);

        var unknown = await store.GetPublicationTimesAsync("unknown", DateTimeOffset.MinValue, None);
        var timedOnly = await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None);

        Assert.Empty(unknown.UtcTicks);
        Assert.Null(unknown.DayStarts);
        Assert.Single(timedOnly.UtcTicks);
        Assert.Null(timedOnly.DayStarts);
    }

    [Fact]
    public async Task PublicationTimes_AreWholeMilliseconds_AndSinceInsideAMillisecondIsExact()
    {
        var store = CreateStore(Options);
        var whole = Dated("whole", TimeSpan.FromHours(1));
        var fine = whole with { Id = "fine", PublishedAt = whole.PublishedAt!.Value.AddTicks(4_321) }; // 0.4321 ms into the same ms
        var next = whole with { Id = "next", PublishedAt = whole.PublishedAt.Value.AddMilliseconds(1) };
        await store.RecordPollAsync(Record("acct", whole, fine, next), None);
        var ms = whole.PublishedAt.Value.UtcTicks;

        // The store keeps no time finer than the millisecond: a finer instant reads as its millisecond.
        Assert.Equal([ms, ms, ms + TimeSpan.TicksPerMillisecond], (await store.GetPublicationTimesAsync("acct", whole.PublishedAt.Value, None)).UtcTicks);

        // `since` one tick into the millisecond leaves out the post at its start, as GetPostsAsync does.
        var inside = whole.PublishedAt.Value.AddTicks(1);
        Assert.DoesNotContain(whole, await store.GetPostsAsync("acct", inside, None));
        Assert.Equal([ms + TimeSpan.TicksPerMillisecond], (await store.GetPublicationTimesAsync("acct", inside, None)).UtcTicks);
    }

    [Fact]
    public async Task PublicationTimes_ReSeenPost_IsUpdatedInPlace_NeverDuplicated()
    {
        var store = CreateStore(Options);
        var notice = DayOnly("notice", 3);
        await store.RecordPollAsync(Record("acct", notice), None);
        await store.RecordPollAsync(Record("acct", notice), None);
        Assert.Equal([notice.PublishedAt!.Value.UtcTicks], (await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None)).UtcTicks);

        // The page now gives the time as well: the same post, one instant, no longer date-only.
        var timed = notice with { PublishedAt = notice.PublishedAt.Value.AddHours(10), Precision = DatePrecision.Time };
        await store.RecordPollAsync(Record("acct", timed), None);
        var times = await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None);
        Assert.Equal([timed.PublishedAt!.Value.UtcTicks], times.UtcTicks);
        Assert.Null(times.DayStarts);

        // And back to a date only, then undated: the instant follows the post, then leaves with its date.
        await store.RecordPollAsync(Record("acct", notice), None);
        Assert.Equal([notice.PublishedAt.Value.UtcTicks], (await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None)).DayStarts ?? []);
        await store.RecordPollAsync(Record("acct", notice with { PublishedAt = null }), None);
        Assert.Empty((await store.GetPublicationTimesAsync("acct", DateTimeOffset.MinValue, None)).UtcTicks);
    }
}
