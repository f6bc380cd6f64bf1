using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Tests.Reference;

namespace MediaMatrix.Monitoring.Tests.Tasks;

/// <summary>
/// <see cref="CompletionMatrix.Build"/> reduces each post once for all tasks; every cell must be what matching that one
/// task alone, the previous way, gives. The matrix is random but seeded, and built to hit the edges: overlapping task
/// windows, titles sharing and repeating bigrams, a one-character and an empty-core title, tasks without a link or with a
/// non-http one, links written many ways, ties in time, undated posts and posts after T.
/// </summary>
public class OnePassMatchingTests
{
    private static readonly DateTimeOffset Start = Winter.Issued;
    private static readonly string[] Members = [.. Enumerable.Range(0, 300).Select(i => $"m{i:D3}")];

    private static readonly ClusterTask[] Tasks =
    [
        Winter.Task(),
        new("t-flood", "防汛防台工作提示", new Uri("https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=ab"), Start.AddHours(5), Start.AddDays(2), []),
        new("t-repeat", "征兵征兵征兵公告公告", null, Start.AddDays(-1), Start.AddDays(1), []),
        new("t-one", "征", new Uri("ftp://files.example/a.txt"), Start.AddHours(-3), Start.AddDays(3), []),
        new("t-empty", "【】！！", new Uri("http://www.dinghai.example.gov.cn/文章/2.html"), Start, Start.AddDays(1), []),
        new("t-named", "定海区2026年冬季征兵体检通知", new Uri("http://www.dinghai.example.gov.cn/art/2026/12/2/art_9.html"), Start.AddDays(1), Start.AddDays(4),
            ["m001", "m002", "m003", "m010", "not-a-member"]),
        new("t-later", "未来任务", null, Start.AddDays(30), Start.AddDays(31), []),
    ];

    private static readonly string[] Titles =
    [
        Winter.Title, "【转发】" + Winter.Title, "转载：" + Winter.Title, "#定海区2026年冬季征兵公告#", "定海区冬季征兵公告", "定海区2026年征兵工作通知",
        "防汛防台工作提示", "【转发】防汛防台工作提示！", "征兵征兵公告", "征兵征兵征兵公告公告", "征", "", "【】", "定海区2026年冬季征兵体检通知",
        "转发 定海区2026年冬季征兵体检通知", "区教育局召开全区中小学校长会议", "定海区文化礼堂系列活动精彩纷呈", "ＡＢ定海区２０２６年冬季征兵公告",
    ];

    private static readonly string?[] Links =
    [
        null, null, Winter.Link, Winter.Link + "?utm_source=wx#top", "HTTPS://WWW.dinghai.example.gov.cn/art/2026/12/1/art_123.html/",
        "http://www.dinghai.example.gov.cn/art/2026/12/1/art%5F123.html", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_124.html",
        "https://mp.weixin.qq.com/s?sn=ab&idx=1&mid=22&__biz=MzA&scene=21", "https://mp.weixin.qq.com/s?sn=ac&idx=1&mid=22&__biz=MzA",
        "http://www.dinghai.example.gov.cn/文章/2.html", "http://www.dinghai.example.gov.cn/%E6%96%87%E7%AB%A0/2.html",
        "http://www.dinghai.example.gov.cn/art/2026/12/2/art_9.html?from=timeline", "not a link", "ftp://files.example/a.txt",
    ];

    [Fact]
    public void NewestFirst_AsTheStoreGivesThem_GivesEveryCellAnyOrderGives()
    {
        // The round hands each account's posts in the store's order (dated, newest first), which lets matching walk only
        // the window, oldest first, and stop early; the cells must not depend on it.
        var random = new Random(7);
        var at = Start.AddDays(3);
        var posts = Members.Append("not-a-member").ToDictionary(m => m, m => RandomPosts(random, m), StringComparer.Ordinal);
        var anyOrder = CompletionMatrix.Build(Tasks, Members, posts.ToDictionary(p => p.Key, p => (IReadOnlyList<Post>)p.Value), [], at, new TaskMatchOptions());
        var builder = new CompletionMatrix.Builder(Tasks, Members, [], at, new TaskMatchOptions());
        foreach (var (accountId, list) in posts)
        {
            builder.Add(accountId, [.. list.Where(p => p.PublishedAt is not null).OrderByDescending(p => p.PublishedAt)], newestFirst: true);
        }

        var newestFirst = builder.Build();

        var cells = 0;
        foreach (var task in Tasks)
        {
            foreach (var accountId in Members.Append("not-a-member"))
            {
                Assert.Equal(anyOrder.Cell(task.Id, accountId), newestFirst.Cell(task.Id, accountId));
                cells += anyOrder.Cell(task.Id, accountId) is { IsCompleted: true } ? 1 : 0;
            }
        }

        Assert.True(cells > 100, $"only {cells} completed cells compared");
    }

    [Fact]
    public void EveryCell_IsWhatMatchingItsTaskAloneGave()
    {
        var random = new Random(2026);
        var at = Start.AddDays(3);
        var posts = Members.Append("not-a-member").ToDictionary(m => m, m => (IReadOnlyList<Post>)RandomPosts(random, m), StringComparer.Ordinal);
        var manual = new ManualCompletion("t-1201", "m005", new Uri("https://weibo.com/1/A"), "王科长", at);

        var matrix = CompletionMatrix.Build(Tasks, Members, posts, [manual], at, new TaskMatchOptions());

        var compared = 0;
        foreach (var task in Tasks.Where(t => t.Issued <= at))
        {
            foreach (var accountId in task.AssigneesAmong(Members))
            {
                var expected = accountId == "m005" && task.Id == "t-1201"
                    ? new TaskCompletion(task.Id, accountId, CompletionStatus.Manual, CompletionMatch.Manual, Manual: manual)
                    : PreviousTaskMatching.Match(task, accountId, posts[accountId], at, 0.6);
                Assert.Equal(expected, matrix.Cell(task.Id, accountId));
                compared++;
            }
        }

        Assert.Null(matrix.Cell("t-later", "m001"));
        Assert.Null(matrix.Cell("t-named", "m004"));
        Assert.Equal(5 * Members.Length + 5, compared);

        // The matrix must exercise every way of matching, or the comparison proves little.
        var cells = Tasks.SelectMany(t => Members.Select(m => matrix.Cell(t.Id, m))).OfType<TaskCompletion>().ToList();
        Assert.All(Enum.GetValues<CompletionStatus>(), s => Assert.Contains(cells, c => c.Status == s));
        Assert.Contains(cells, c => c.Match == CompletionMatch.Link);
        Assert.Contains(cells, c => c.Match == CompletionMatch.Title);
    }

    [Fact]
    public void ATaskLinkingToABareHost_StillMatchesByLink_BesideTasksWithPaths()
    {
        var home = new ClusterTask("t-home", "访问定海区政府门户网站", new Uri("http://www.dinghai.example.gov.cn/"), Start, Start.AddDays(1), []);
        var posts = new Dictionary<string, IReadOnlyList<Post>>
        {
            ["m000"] = [Winter.RepostAfterIssue("a", TimeSpan.FromHours(1), "本单位转发", "https://WWW.dinghai.example.gov.cn")],
            ["m001"] = [Winter.RepostAfterIssue("b", TimeSpan.FromHours(1), "本单位转发", Winter.Link + "?from=timeline")],
        };

        var matrix = CompletionMatrix.Build([Winter.Task(), home], ["m000", "m001"], posts, [], Start.AddDays(3), new TaskMatchOptions());

        Assert.Equal((CompletionMatch.Link, "a"), (matrix.Cell("t-home", "m000")!.Match, matrix.Cell("t-home", "m000")!.PostId));
        Assert.Equal(CompletionStatus.Missing, matrix.Cell("t-1201", "m000")!.Status);
        Assert.Equal((CompletionMatch.Link, "b"), (matrix.Cell("t-1201", "m001")!.Match, matrix.Cell("t-1201", "m001")!.PostId));
        Assert.Equal(CompletionStatus.Missing, matrix.Cell("t-home", "m001")!.Status);
    }

    [Fact]
    public void TwoTasksWithOneId_TheLaterTasksCellIsShown_WhereItIsOwed()
    {
        var first = Winter.Task("t-dup", "m000", "m001");
        var second = new ClusterTask("t-dup", "防汛防台工作提示", null, Start, Start.AddDays(1), ["m001"]);
        var posts = new Dictionary<string, IReadOnlyList<Post>>
        {
            ["m000"] = [Winter.RepostAfterIssue("a", TimeSpan.FromHours(1))],
            ["m001"] = [Winter.RepostAfterIssue("b", TimeSpan.FromHours(1)), Winter.RepostAfterIssue("c", TimeSpan.FromHours(2), "防汛防台工作提示")],
        };

        var matrix = CompletionMatrix.Build([first, second], ["m000", "m001"], posts, [], Start.AddDays(3), new TaskMatchOptions());

        Assert.Equal("a", matrix.Cell("t-dup", "m000")?.PostId); // only the first task is m000's
        Assert.Equal("c", matrix.Cell("t-dup", "m001")?.PostId); // both are m001's: the later one shows
        Assert.Equal(new TaskTally(2, 2, 2), matrix.Tally("m001", TimeSpan.FromDays(30)));
    }

    [Fact]
    public void TaskMatcher_AgreesWithThePreviousMatcher()
    {
        var random = new Random(12);
        var at = Start.AddDays(2);
        foreach (var task in Tasks)
        {
            var matcher = new TaskMatcher(task, new TaskMatchOptions { TitleSimilarity = 0.5 });
            for (var i = 0; i < 200; i++)
            {
                var posts = RandomPosts(random, "m");
                Assert.Equal(PreviousTaskMatching.Match(task, "m", posts, at, 0.5), matcher.Match("m", posts, null, at));
            }
        }
    }

    private static List<Post> RandomPosts(Random random, string accountId)
    {
        var posts = new List<Post>();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            // Whole hours around the windows, so posts tie in time and sit exactly on issue times and deadlines.
            DateTimeOffset? at = random.Next(12) == 0 ? null : Start.AddHours(random.Next(-36, 24 * 5));
            posts.Add(new Post($"{accountId}-{random.Next(0, 40)}", Titles[random.Next(Titles.Length)], Links[random.Next(Links.Length)], at));
        }

        return posts;
    }
}
