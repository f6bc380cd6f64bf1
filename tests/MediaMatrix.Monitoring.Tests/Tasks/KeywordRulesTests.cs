using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

public class KeywordRulesTests
{
    private static readonly KeywordRule Conscription = new(["征兵", "防汛"], TimeSpan.FromHours(48), []);
    private static readonly KeywordRule Fire = new(["防火"], TimeSpan.FromHours(24), ["dh-edu"]);

    private static Post Head(string id, string title, int hours = 0) =>
        new(id, title, $"http://www.dinghai.example.gov.cn/art/{id}.html", Winter.Issued + TimeSpan.FromHours(hours));

    [Fact]
    public void Apply_MatchingHeadPosts_BecomeTasksDueAfterTheRulesDelay()
    {
        var tasks = KeywordRules.Apply([Head("art-123", Winter.Title), Head("art-124", "定海区召开经济工作会议")], [Conscription], []);

        var task = Assert.Single(tasks);
        Assert.Equal(new ClusterTask("auto-art-123", Winter.Title, new Uri("http://www.dinghai.example.gov.cn/art/art-123.html"),
            Winter.Issued, Winter.Deadline, []), task with { Assignees = [] });
        Assert.Empty(task.Assignees);
    }

    [Fact]
    public void Apply_TwiceOnTheSamePosts_GivesTheSameIds()
    {
        Post[] posts = [Head("art-123", Winter.Title), Head("Weibo/Q8x+", "防汛防台紧急通知", 2)];

        var first = KeywordRules.Apply(posts, [Conscription], []).Select(t => t.Id);
        var second = KeywordRules.Apply(posts.Reverse(), [Conscription], []).Select(t => t.Id);

        Assert.Equal(first.Order(), second.Order());
        Assert.Contains("auto-art-123", first);
        // An id that is not plain is hashed, so task ids stay safe for store keys and URLs.
        Assert.Matches("^auto-[0-9a-f]{12}$", first.Single(id => id != "auto-art-123"));
    }

    [Fact]
    public void Apply_FirstMatchingRuleDecides()
    {
        var task = Assert.Single(KeywordRules.Apply([Head("art-9", "冬季防火与防汛工作通知")], [Fire, Conscription], []));

        Assert.Equal((Winter.Issued + TimeSpan.FromHours(24), "dh-edu"), (task.Deadline, task.Assignees.Single()));
    }

    [Fact]
    public void Apply_PostAlreadyATaskInConfig_IsNotIssuedTwice()
    {
        var written = Winter.Task() with { Link = new Uri("https://www.dinghai.example.gov.cn/art/art-123.html") };

        Assert.Empty(KeywordRules.Apply([Head("art-123", Winter.Title)], [Conscription], [written]));
    }

    [Fact]
    public void Apply_UndatedHeadPost_IsSkipped() =>
        Assert.Empty(KeywordRules.Apply([Head("art-123", Winter.Title) with { PublishedAt = null }], [Conscription], []));
}
