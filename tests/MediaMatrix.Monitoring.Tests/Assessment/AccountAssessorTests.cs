using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Assessment;

public sealed class AccountAssessorTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly AssessmentOptions Rubric = new();
    private static readonly Account Member = new("dh-edu", "定海教育", Platform.Website, Tier.Member, "区教育局",
        new Source(SourceKind.Feed, new Uri("http://example.org/rss.xml")));

    private static readonly PollState ReadAnHourAgo = new(LastAttemptAt: T.AddHours(-1), LastSuccessAt: T.AddHours(-1));

    private static Post PostAt(DateTimeOffset at, string id = "p") => new(id + at.ToUnixTimeSeconds(), "标题", null, at);

    [Fact]
    public void Veto_WhenNoPostIn14Days_IsUnqualifiedWithTheTwoWeekReason()
    {
        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-15))], ReadAnHourAgo, T, Rubric);

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        Assert.Equal("veto-no-update", e.Reasons[0].Code);
        Assert.Contains("前14天内无更新", e.Reasons[0].Zh, StringComparison.Ordinal);
        Assert.Contains("14 days", e.Reasons[0].En, StringComparison.Ordinal);
    }

    [Fact]
    public void Veto_PostExactly14DaysBeforeT_StillCounts()
    {
        // "前2周内": the window is closed at its start; a post at T−14d is inside it.
        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-14))], ReadAnHourAgo, T, Rubric);

        Assert.Equal(Verdict.Qualified, e.Verdict);
    }

    [Fact]
    public void Veto_PostOneSecondOutsideTheWindow_IsUnqualified()
    {
        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-14).AddSeconds(-1))], ReadAnHourAgo, T, Rubric);

        Assert.Equal(Verdict.Unqualified, e.Verdict);
    }

    [Fact]
    public void Veto_NoPostsAtAll_IsUnqualified()
    {
        var e = AccountAssessor.Evaluate(Member, [], ReadAnHourAgo, T, Rubric);

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        Assert.Null(e.LastPostAt);
    }

    [Fact]
    public void Unknown_WhenNeverReadSuccessfully_EvenWithoutPosts()
    {
        // A fetch failure must never read as "no updates".
        var neverRead = new PollState(LastAttemptAt: T.AddMinutes(-5), LastError: "HTTP 503", LastErrorClass: FetchErrorClass.Http5xx, ConsecutiveFailures: 4);

        var e = AccountAssessor.Evaluate(Member, [], neverRead, T, Rubric);

        Assert.Equal(Verdict.Unknown, e.Verdict);
        Assert.Null(e.Score);
        Assert.Equal("collection-never-read", e.Reasons.Single().Code);
        Assert.Contains("HTTP 503", e.Reasons.Single().Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_WhenNoPollStateAtAll()
    {
        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-1))], null, T, Rubric);

        Assert.Equal(Verdict.Unknown, e.Verdict);
    }

    [Fact]
    public void Unknown_WhenLastSuccessOlderThan24Hours()
    {
        var stale = new PollState(LastAttemptAt: T.AddMinutes(-5), LastSuccessAt: T.AddHours(-25), LastError: "timeout",
            LastErrorClass: FetchErrorClass.Timeout, ConsecutiveFailures: 9);

        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-30))], stale, T, Rubric);

        Assert.Equal(Verdict.Unknown, e.Verdict);
        Assert.Equal("collection-stale", e.Reasons.Single().Code);
    }

    [Fact]
    public void Judged_WhenTheLastPollFailedButASuccessIsRecent()
    {
        // One timeout an hour after a good read is no reason to stop judging.
        var blip = new PollState(LastAttemptAt: T.AddMinutes(-5), LastSuccessAt: T.AddHours(-2), LastError: "timeout",
            LastErrorClass: FetchErrorClass.Timeout, ConsecutiveFailures: 1);

        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-1))], blip, T, Rubric);

        Assert.Equal(Verdict.Qualified, e.Verdict);
    }

    [Fact]
    public void Unknown_AtOnce_WhenThePageStoppedYieldingPosts()
    {
        // A layout change: the page loads, the selector finds nothing. Never "unqualified".
        var broken = new PollState(LastAttemptAt: T.AddMinutes(-5), LastSuccessAt: T.AddHours(-4), LastError: "no items match 'ul.news li'",
            LastErrorClass: FetchErrorClass.Empty, ConsecutiveFailures: 1);

        var e = AccountAssessor.Evaluate(Member, [PostAt(T.AddDays(-20))], broken, T, Rubric);

        Assert.Equal(Verdict.Unknown, e.Verdict);
        Assert.Equal("collection-extraction", e.Reasons.Single().Code);
    }

    [Fact]
    public void Counts_IgnoreUndatedPostsAndPostsAfterT()
    {
        Post[] posts =
        [
            PostAt(T.AddDays(-1), "a"), PostAt(T.AddDays(-6), "b"), PostAt(T.AddDays(-10), "c"), PostAt(T.AddDays(-29), "d"),
            PostAt(T.AddDays(-31), "e"), new Post("undated", "无日期", null, null), PostAt(T.AddDays(2), "future"),
        ];

        var e = AccountAssessor.Evaluate(Member, posts, ReadAnHourAgo, T, Rubric);

        Assert.Equal((2, 3, 4), (e.PostsLast7d, e.PostsLast14d, e.PostsLast30d));
        Assert.Equal(T.AddDays(-1), e.LastPostAt);
    }
}
