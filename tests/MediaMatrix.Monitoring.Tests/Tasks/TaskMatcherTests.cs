using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

public class TaskMatcherTests
{
    // Long after the deadline, so every post in the table is already published.
    private static readonly DateTimeOffset Later = Winter.Deadline + TimeSpan.FromDays(10);

    private static readonly TaskMatcher Matcher = new(Winter.Task(), new TaskMatchOptions());

    [Theory]
    // by link (the title is the member's own, so only the link can match)
    [InlineData("exact link", "关于转发征兵公告的通知", Winter.Link, 3, CompletionStatus.OnTime, CompletionMatch.Link)]
    [InlineData("link with utm tracking", "本单位转发", "https://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html?utm_source=wechat&utm_campaign=zb", 3, CompletionStatus.OnTime, CompletionMatch.Link)]
    [InlineData("https for http", "本单位转发", "https://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html", 3, CompletionStatus.OnTime, CompletionMatch.Link)]
    [InlineData("link to another article", "本单位转发", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_124.html", 3, CompletionStatus.Missing, CompletionMatch.None)]
    // by title
    [InlineData("prefixed title 【转发】", "【转发】定海区2026年冬季征兵公告", null, 3, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("转载： prefix", "转载：定海区2026年冬季征兵公告", null, 3, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("#话题# wrapper", "#定海区2026年冬季征兵公告#", null, 3, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("punctuation differences", "定海区2026年“冬季征兵”公告！", null, 3, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("similarity just above 0.6", "定海区2026年征兵工作通知", null, 3, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("similarity just below 0.6", "2026年冬季征兵开始啦快来报名", null, 3, CompletionStatus.Missing, CompletionMatch.None)]
    // time
    [InlineData("exactly at issue time", Winter.Title, null, 0, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("exactly at the deadline", Winter.Title, null, 48, CompletionStatus.OnTime, CompletionMatch.Title)]
    [InlineData("late repost: completed, not on time", Winter.Title, Winter.Link, 49, CompletionStatus.Late, CompletionMatch.Link)]
    [InlineData("post before issue time ignored", Winter.Title, Winter.Link, -1, CompletionStatus.Missing, CompletionMatch.None)]
    public void Match_OnePost(string name, string title, string? link, int hoursAfterIssue, CompletionStatus status, CompletionMatch match)
    {
        var post = Winter.RepostAfterIssue("p1", TimeSpan.FromHours(hoursAfterIssue), title, link);

        var completion = Matcher.Match("dh-hrss", [post], manual: null, Later);

        Assert.True(status == completion.Status && match == completion.Match, $"{name}: {completion}");
        Assert.Equal(status == CompletionStatus.Missing ? null : "p1", completion.PostId);
    }

    [Fact]
    public void Match_TitleMatch_ReportsItsSimilarity()
    {
        var completion = Matcher.Match("dh-hrss", [Winter.RepostAfterIssue("p1", TimeSpan.FromHours(1), "定海区冬季征兵公告")], null, Later);

        Assert.Equal(CompletionMatch.Title, completion.Match);
        Assert.InRange(completion.Similarity!.Value, 0.66, 0.67);
    }

    [Fact]
    public void Match_ThresholdIsConfigurable()
    {
        var strict = new TaskMatcher(Winter.Task(), new TaskMatchOptions { TitleSimilarity = 0.7 });
        var post = Winter.RepostAfterIssue("p1", TimeSpan.FromHours(1), "定海区冬季征兵公告"); // 0.667

        Assert.Equal(CompletionStatus.Missing, strict.Match("dh-hrss", [post], null, Later).Status);
    }

    [Fact]
    public void Match_EarliestMatchingPostWins_SoAnOnTimeRepostIsNotHiddenByALaterOne()
    {
        var late = Winter.RepostAfterIssue("late", TimeSpan.FromHours(60));
        var onTime = Winter.RepostAfterIssue("on-time", TimeSpan.FromHours(5));
        var unrelated = Winter.RepostAfterIssue("other", TimeSpan.FromHours(1), "定海区召开防汛工作会议");

        var completion = Matcher.Match("dh-hrss", [late, unrelated, onTime], null, Later);

        Assert.Equal((CompletionStatus.OnTime, "on-time"), (completion.Status, completion.PostId));
    }

    [Fact]
    public void Match_PostAfterTheInstant_IsNotYetSeen()
    {
        var post = Winter.RepostAfterIssue("p1", TimeSpan.FromHours(30));

        // At T = issue + 1 day the repost of the next day does not exist yet.
        Assert.Equal(CompletionStatus.Missing, Matcher.Match("dh-hrss", [post], null, Winter.Issued + TimeSpan.FromDays(1)).Status);
    }

    [Fact]
    public void Match_UndatedPost_NeverCounts() =>
        Assert.Equal(CompletionStatus.Missing, Matcher.Match("dh-hrss", [new Post("p1", Winter.Title, Winter.Link, null)], null, Later).Status);

    [Fact]
    public void Match_ManualCompletion_OverridesMissingAndKeepsTheRecord()
    {
        var manual = new ManualCompletion("t-1201", "dh-hrss", new Uri("https://weibo.com/1234/Abc"), "王科长", Later);

        var completion = Matcher.Match("dh-hrss", [], manual, Later);

        Assert.Equal((CompletionStatus.Manual, CompletionMatch.Manual), (completion.Status, completion.Match));
        Assert.Same(manual, completion.Manual);
        Assert.True(completion.IsOnTime(Winter.Task())); // no completion time given: the operator vouches for it
    }

    [Fact]
    public void Match_ManualCompletionShownLate_IsCompletedNotOnTime()
    {
        var manual = new ManualCompletion("t-1201", "dh-hrss", new Uri("https://weibo.com/1234/Abc"), "王科长", Later,
            CompletedAt: Winter.Deadline + TimeSpan.FromHours(3));

        var completion = Matcher.Match("dh-hrss", [], manual, Later);

        Assert.True(completion.IsCompleted);
        Assert.False(completion.IsOnTime(Winter.Task()));
    }
}
