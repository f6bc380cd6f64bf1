using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="IPostStore"/> promises about posts, poll state and the due index (claims: <see cref="DueClaimContract"/>).
/// Each implementation runs this whole suite through a subclass; a behaviour the Redis store has and the in-memory one
/// lacks is a bug in one of them.
/// </summary>
public abstract partial class PostStoreContract
{
    // A Thursday morning in the county's time zone; all times in these tests are relative to it.
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    protected static readonly CancellationToken None = CancellationToken.None;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Unique per test instance, so tests sharing one Redis never see each other's keys.</summary>
    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract IPostStore CreateStore(StoreOptions options);

    /// <summary>Everything the store holds for these accounts, as text that is equal exactly when the data is.</summary>
    protected abstract Task<string> SnapshotAsync(IPostStore store, IReadOnlyCollection<string> accountIds);

    /// <summary>Checks that nothing the store wrote can outlive its bounds (R5). The in-memory store has nothing to check.</summary>
    protected abstract Task AssertEveryKeyHasTtlOrBoundAsync(StoreOptions options);

    protected static Post Dated(string id, TimeSpan ago, string? title = null) =>
        new(id, title ?? $"关于{id}的通知", $"https://www.example.gov.cn/xxgk/{id}.html", Now - ago);

    protected static Post Undated(string id) => new(id, $"无日期{id}", $"https://www.example.gov.cn/xxgk/{id}.html", null);

    protected static PollState Polled(DateTimeOffset? at = null) =>
        new(LastAttemptAt: at ?? Now, LastSuccessAt: at ?? Now, NextDueAt: (at ?? Now) + TimeSpan.FromHours(1));

    protected static PollRecord Record(string accountId, params Post[] posts) => new(accountId, posts, Polled());

    [Fact]
    public async Task RecordPoll_SamePostTwice_IsStoredOnce()
    {
        var store = CreateStore(Options);
        var post = Dated("a1", TimeSpan.FromHours(2));

        await store.RecordPollAsync(Record("acct", post, post), None);
        await store.RecordPollAsync(Record("acct", post), None);

        Assert.Equal([post], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task RecordPoll_ChangedTitle_UpdatesInPlace()
    {
        var store = CreateStore(Options);
        var original = Dated("a1", TimeSpan.FromHours(2), "原标题");
        var corrected = original with { Title = "更正后的标题", Pinned = true };

        await store.RecordPollAsync(Record("acct", original), None);
        var added = await store.RecordPollAsync(Record("acct", corrected), None);

        Assert.Equal(0, added); // same id: a correction, not a new post
        Assert.Equal([corrected], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task GetPosts_ReturnsPostsSinceNewestFirst()
    {
        var store = CreateStore(Options);
        var old = Dated("old", TimeSpan.FromDays(10));
        var edge = Dated("edge", TimeSpan.FromDays(7));
        var recent = Dated("recent", TimeSpan.FromDays(1));
        var newest = Dated("newest", TimeSpan.FromMinutes(5));

        await store.RecordPollAsync(Record("acct", recent, old, newest, edge), None);

        // `since` is inclusive: a post published exactly at the boundary is in.
        Assert.Equal([newest, recent, edge], await store.GetPostsAsync("acct", Now - TimeSpan.FromDays(7), None));
        Assert.Equal([newest, recent, edge, old], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
        Assert.Empty(await store.GetPostsAsync("acct", Now, None));
        Assert.Empty(await store.GetPostsAsync("unknown", DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task GetPosts_SinceWithinAMillisecond_IsExact()
    {
        var store = CreateStore(Options);
        var post = Dated("a1", TimeSpan.FromHours(1));

        await store.RecordPollAsync(Record("acct", post), None);

        Assert.Empty(await store.GetPostsAsync("acct", post.PublishedAt!.Value.AddTicks(1), None));
    }

    [Fact]
    public async Task GetPosts_UndatedPostsAreKeptButNeverReturned()
    {
        var store = CreateStore(Options);
        var dated = Dated("dated", TimeSpan.FromHours(1));

        // An undated post is new to the store (counted), but it is no evidence of an update, so no read returns it.
        var added = await store.RecordPollAsync(Record("acct", Undated("u1"), dated, Undated("u2")), None);

        Assert.Equal(3, added);
        Assert.Equal([dated], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
        Assert.Equal(0, await store.RecordPollAsync(Record("acct", Undated("u1"), dated, Undated("u2")), None));
    }

    [Fact]
    public async Task RecordPoll_PostLosingItsDate_LeavesTheTimeline()
    {
        var store = CreateStore(Options);
        var dated = Dated("a1", TimeSpan.FromHours(1));

        await store.RecordPollAsync(Record("acct", dated), None);
        await store.RecordPollAsync(Record("acct", dated with { PublishedAt = null }), None);
        Assert.Empty(await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));

        await store.RecordPollAsync(Record("acct", dated), None);
        Assert.Equal([dated], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task RecordPoll_ReturnsHowManyPostsAreNew()
    {
        var store = CreateStore(Options);
        Post[] first = [Dated("a1", TimeSpan.FromHours(3)), Dated("a2", TimeSpan.FromHours(2)), Dated("a3", TimeSpan.FromHours(1))];

        Assert.Equal(3, await store.RecordPollAsync(Record("acct", first), None));
        Assert.Equal(0, await store.RecordPollAsync(Record("acct", first), None));
        Assert.Equal(1, await store.RecordPollAsync(Record("acct", [.. first, Dated("a4", TimeSpan.FromMinutes(1))]), None));
        Assert.Equal(1, await store.RecordPollAsync(Record("other", first[0]), None)); // ids are per account
    }

    [Fact]
    public async Task PollState_RoundTripsEveryField()
    {
        var store = CreateStore(Options);
        var state = new PollState(
            LastAttemptAt: Now,
            LastSuccessAt: Now - TimeSpan.FromHours(6),
            LastError: "HTTP 503 服务不可用",
            LastErrorClass: FetchErrorClass.BlockedPrivate,
            ConsecutiveFailures: 4,
            LastItemCount: 20,
            LastUndatedCount: 2,
            ETag: "W/\"5f3a-1b2c\"",
            LastModified: "Wed, 25 Nov 2026 08:00:00 GMT",
            NextDueAt: Now + TimeSpan.FromHours(2),
            LastTitlesCut: 1);

        await store.RecordPollAsync(new PollRecord("acct", [], state), None);
        await store.RecordPollAsync(new PollRecord("fresh", [], new PollState()), None);

        var states = await store.GetPollStatesAsync(["acct", "fresh", "never-polled"], None);
        Assert.Equal(state, states["acct"]);
        Assert.Equal(Now.Offset, states["acct"].LastAttemptAt!.Value.Offset);
        Assert.Equal(new PollState(), states["fresh"]);
        Assert.False(states.ContainsKey("never-polled"));
    }

    [Theory]
    [InlineData(FetchErrorClass.None)]
    [InlineData(FetchErrorClass.Http4xx)]
    [InlineData(FetchErrorClass.Http5xx)]
    [InlineData(FetchErrorClass.TooLarge)]
    [InlineData(FetchErrorClass.Other)]
    public async Task PollState_RoundTripsEachErrorClass(FetchErrorClass errorClass)
    {
        var store = CreateStore(Options);
        var state = Polled() with { LastErrorClass = errorClass };

        await store.RecordPollAsync(new PollRecord("acct", [], state), None);

        Assert.Equal(state, (await store.GetPollStatesAsync(["acct"], None))["acct"]);
    }

    [Fact]
    public async Task PollState_IsReplacedByEachPoll()
    {
        var store = CreateStore(Options);
        await store.RecordPollAsync(new PollRecord("acct", [], Polled() with { ETag = "\"v1\"", ConsecutiveFailures = 3 }), None);
        var latest = Polled(Now + TimeSpan.FromHours(1));

        await store.RecordPollAsync(new PollRecord("acct", [], latest), None);

        Assert.Equal(latest, (await store.GetPollStatesAsync(["acct"], None))["acct"]);
    }

    [Fact]
    public async Task EnsureScheduled_DoesNotMoveAccountsAlreadyScheduled()
    {
        var store = CreateStore(Options);
        await store.SetNextDueAsync("scheduled", Now + TimeSpan.FromHours(1), None);

        await store.EnsureScheduledAsync(
            new Dictionary<string, DateTimeOffset> { ["scheduled"] = Now - TimeSpan.FromHours(1), ["new"] = Now - TimeSpan.FromMinutes(1) },
            None);

        Assert.Equal(["new"], await store.ClaimDueAsync(Now, TimeSpan.FromDays(1), 10, None));
        Assert.Equal(["scheduled"], await store.ClaimDueAsync(Now + TimeSpan.FromHours(1), TimeSpan.FromDays(1), 10, None));
    }

    [Fact]
    public async Task SetNextDue_MovesTheAccount()
    {
        var store = CreateStore(Options);
        await store.EnsureScheduledAsync(new Dictionary<string, DateTimeOffset> { ["a"] = Now - TimeSpan.FromHours(1), ["b"] = Now - TimeSpan.FromMinutes(1) }, None);

        await store.SetNextDueAsync("a", Now + TimeSpan.FromHours(1), None); // claimed by a dispatcher
        await store.SetNextDueAsync("c", Now - TimeSpan.FromDays(1), None); // "poll now" on an account not yet scheduled

        Assert.Equal(["c", "b"], await store.ClaimDueAsync(Now, Lease, 10, None));
    }

    [Fact]
    public async Task RecordPoll_MovesTheAccountToItsNextDueTime()
    {
        var store = CreateStore(Options);
        await store.EnsureScheduledAsync(new Dictionary<string, DateTimeOffset> { ["a"] = Now - TimeSpan.FromHours(1) }, None);

        await store.RecordPollAsync(new PollRecord("a", [], Polled() with { NextDueAt = Now + TimeSpan.FromMinutes(30) }), None);

        Assert.Empty(await store.ClaimDueAsync(Now, Lease, 10, None));
        Assert.Equal(["a"], await store.ClaimDueAsync(Now + TimeSpan.FromMinutes(30), Lease, 10, None));
    }

    [Fact]
    public async Task R4_SamePollResultAppliedThreeTimesLeavesIdenticalKeyspace()
    {
        var store = CreateStore(Options with { MaxPostsPerAccount = 3 });
        var record = new PollRecord(
            "acct",
            [Dated("a1", TimeSpan.FromDays(1)), Dated("a2", TimeSpan.FromHours(5)), Undated("u1"), Dated("a3", TimeSpan.FromHours(1)),
             Dated("a4", TimeSpan.FromMinutes(3)), Dated("ancient", TimeSpan.FromDays(500))],
            Polled() with { ETag = "\"abc\"", LastItemCount = 6, LastUndatedCount = 1 });
        string[] accounts = ["acct"];

        await store.RecordPollAsync(record, None);
        var once = await SnapshotAsync(store, accounts);
        await store.RecordPollAsync(record, None);
        var twice = await SnapshotAsync(store, accounts);
        await store.RecordPollAsync(record, None);
        var thrice = await SnapshotAsync(store, accounts);

        Assert.Equal(once, twice);
        Assert.Equal(once, thrice);
    }

    [Fact]
    public async Task R5_EveryKeyHasTtlOrBound()
    {
        var options = Options with { MaxPostsPerAccount = 5 };
        var store = CreateStore(options);
        string[] accounts = ["county-gov", "county-health", "county-edu"];

        // A simulated week: every account polled every 6 hours, a new post each time, some undated, some errors.
        for (var poll = 0; poll < 28; poll++)
        {
            var at = Now + TimeSpan.FromHours(6 * poll);
            foreach (var account in accounts)
            {
                Post[] posts = [new($"{account}-{poll}", "通知", null, at - TimeSpan.FromMinutes(10)), new($"{account}-u{poll % 7}", "无日期", null, null)];
                var state = new PollState(LastAttemptAt: at, LastSuccessAt: at, LastItemCount: 2, LastUndatedCount: 1, NextDueAt: at + TimeSpan.FromHours(6));
                await store.RecordPollAsync(new PollRecord(account, posts, state), None);
                await store.GetPublicationTimesAsync(account, at - TimeSpan.FromDays(1), None);
            }

            await store.SetNextDueAsync(accounts[poll % 3], at + TimeSpan.FromHours(1), None);
        }

        foreach (var account in accounts)
        {
            var posts = await store.GetPostsAsync(account, DateTimeOffset.MinValue, None);
            Assert.Equal(options.MaxPostsPerAccount, posts.Count);
            Assert.Equal($"{account}-27", posts[0].Id);
        }

        await AssertEveryKeyHasTtlOrBoundAsync(options);
    }

    [Fact]
    public async Task Retention_DropsPostsPublishedBeforeTheWindow()
    {
        var store = CreateStore(Options with { PostRetention = TimeSpan.FromDays(30) });
        var kept = Dated("kept", TimeSpan.FromDays(29));
        var ageing = Dated("ageing", TimeSpan.FromDays(10));

        // A post already older than the window when first seen is not stored, and not counted as new.
        var added = await store.RecordPollAsync(Record("acct", kept, ageing, Dated("too-old", TimeSpan.FromDays(31))), None);
        Assert.Equal(2, added);
        Assert.Equal([ageing, kept], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));

        // Fifteen days on, "kept" has aged out; the poll that notices need not list it.
        await store.RecordPollAsync(new PollRecord("acct", [], Polled(Now + TimeSpan.FromDays(15))), None);
        Assert.Equal([ageing], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task MaxPostsPerAccount_KeepsTheNewest()
    {
        var store = CreateStore(Options with { MaxPostsPerAccount = 3 });
        var posts = Enumerable.Range(1, 5).Select(day => Dated($"d{day}", TimeSpan.FromDays(day))).ToArray();

        var added = await store.RecordPollAsync(Record("acct", posts), None);

        Assert.Equal(3, added); // the two dropped at once were never kept, so they are not new posts
        Assert.Equal(posts[..3], await store.GetPostsAsync("acct", DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task RecordPoll_ConcurrentlyForDifferentAccounts_KeepsEveryAccountsData()
    {
        var store = CreateStore(Options);
        var accounts = Enumerable.Range(0, 40).Select(i => $"acct-{i}").ToArray();

        var added = await Task.WhenAll(accounts.Select(account => Task.Run(() => store.RecordPollAsync(
            Record(account, Dated($"{account}-1", TimeSpan.FromHours(2)), Dated($"{account}-2", TimeSpan.FromHours(1))), None))));

        Assert.All(added, count => Assert.Equal(2, count));
        var states = await store.GetPollStatesAsync(accounts, None);
        Assert.Equal(accounts.Length, states.Count);
        foreach (var account in accounts)
        {
            Assert.Equal([$"{account}-2", $"{account}-1"], (await store.GetPostsAsync(account, DateTimeOffset.MinValue, None)).Select(post => post.Id));
        }

        Assert.Empty(await store.ClaimDueAsync(Now, Lease, 100, None));
        Assert.Equal(accounts.Order(StringComparer.Ordinal), await store.ClaimDueAsync(Now + TimeSpan.FromHours(1), Lease, 100, None));
    }
}
