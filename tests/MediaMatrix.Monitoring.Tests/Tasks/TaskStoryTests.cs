using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Tests.Matrix;

namespace MediaMatrix.Monitoring.Tests.Tasks;

/// <summary>The pieces together, the way an inspection uses them: config tasks plus rule tasks → matrix → tallies.</summary>
public class TaskStoryTests
{
    private const string Sections = """
        tasks:
          - id: t-1201
            title: 定海区2026年冬季征兵公告
            link: "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html"
            issued: 2026-12-01T09:00:00+08:00
            deadline: 2026-12-03T09:00:00+08:00
        taskRules:
          - keywords: [防汛]
            deadlineAfter: 24h
        """;

    [Fact]
    public void ConfigTasksAndRuleTasks_AreMatchedAndTallied()
    {
        var config = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid + "\n" + Sections, MatrixYaml.FileName).Config!;
        Post[] headPosts =
        [
            // Already t-1201 in config: the rule must not issue it again (and it has no keyword anyway).
            new("art-123", Winter.Title, Winter.Link, Winter.Issued),
            new("art-130", "定海区防汛防台紧急通知", "http://www.dinghai.example.gov.cn/art/2026/12/4/art_130.html", Winter.Issued + TimeSpan.FromDays(3)),
        ];
        var tasks = config.Tasks.Concat(KeywordRules.Apply(headPosts, config.Rules, config.Tasks)).ToList();
        var posts = new Dictionary<string, IReadOnlyList<Post>>
        {
            // dh-hrss reposts the conscription notice in time, the flood notice a day and a half late.
            ["dh-hrss"] =
            [
                Winter.RepostAfterIssue("h1", TimeSpan.FromHours(4), "【转发】定海区2026年冬季征兵公告"),
                Winter.RepostAfterIssue("h2", TimeSpan.FromHours(3 * 24 + 36), "转发：定海区防汛防台紧急通知"),
            ],
        };
        var at = Winter.Issued + TimeSpan.FromDays(10);

        var matrix = CompletionMatrix.Build(tasks, config.MemberIds, posts, [], at, new TaskMatchOptions());

        Assert.Equal(["t-1201", "auto-art-130"], matrix.Tasks.Select(t => t.Id));
        Assert.Equal(CompletionStatus.Late, matrix.Cell("auto-art-130", "dh-hrss")?.Status);
        Assert.Equal(new TaskTally(2, 2, 1), matrix.Tally("dh-hrss", TimeSpan.FromDays(30)));
    }
}
