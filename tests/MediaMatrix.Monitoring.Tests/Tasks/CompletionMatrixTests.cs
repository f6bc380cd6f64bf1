using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

public class CompletionMatrixTests
{
    private static readonly TaskMatchOptions Options = new();

    private static CompletionMatrix Build(IEnumerable<ClusterTask> tasks, Dictionary<string, IReadOnlyList<Post>> posts, DateTimeOffset at,
        params ManualCompletion[] manual) =>
        CompletionMatrix.Build(tasks, Winter.Members, posts, manual, at, Options);

    [Fact]
    public void Build_TaskWithoutAssignees_IsOwedByEveryMember()
    {
        var matrix = Build([Winter.Task()], [], Winter.Deadline);

        Assert.All(Winter.Members, m => Assert.Equal(CompletionStatus.Missing, matrix.Cell("t-1201", m)?.Status));
        Assert.Equal(Winter.Members, matrix.MissingFor("t-1201"));
    }

    [Fact]
    public void Build_TaskWithAssignees_HasNoCellForOthers()
    {
        var matrix = Build([Winter.Task("t-1201", "dh-hrss", "dh-edu")], [], Winter.Deadline);

        Assert.NotNull(matrix.Cell("t-1201", "dh-edu"));
        Assert.Null(matrix.Cell("t-1201", "dh-health"));
    }

    [Fact]
    public void Build_EachCellSaysHowItCompleted()
    {
        var posts = new Dictionary<string, IReadOnlyList<Post>>
        {
            ["dh-hrss"] = [Winter.RepostAfterIssue("h1", TimeSpan.FromHours(2), "本局转发", Winter.Link + "?from=timeline")],
            ["dh-edu"] = [Winter.RepostAfterIssue("e1", TimeSpan.FromHours(50), "【转发】" + Winter.Title)],
        };
        var manual = new ManualCompletion("t-1201", "dh-health", new Uri("https://www.douyin.com/video/7"), "王科长", Winter.Deadline);

        var matrix = Build([Winter.Task()], posts, Winter.Deadline + TimeSpan.FromDays(1), manual);

        Assert.Equal((CompletionStatus.OnTime, CompletionMatch.Link, "h1"), Describe(matrix.Cell("t-1201", "dh-hrss")));
        Assert.Equal((CompletionStatus.Late, CompletionMatch.Title, "e1"), Describe(matrix.Cell("t-1201", "dh-edu")));
        Assert.Equal((CompletionStatus.Manual, CompletionMatch.Manual, null), Describe(matrix.Cell("t-1201", "dh-health")));
        Assert.Empty(matrix.MissingFor("t-1201"));
    }

    [Fact]
    public void Build_TaskIssuedAfterTheInstant_IsLeftOut()
    {
        var matrix = Build([Winter.Task()], [], Winter.Issued - TimeSpan.FromMinutes(1));

        Assert.Empty(matrix.Tasks);
        Assert.Null(matrix.Tally("dh-hrss", Options.TallyWindow));
    }

    [Fact]
    public void Tally_CountsAssignedCompletedAndOnTime()
    {
        var at = Winter.Deadline + TimeSpan.FromDays(5);
        var posts = new Dictionary<string, IReadOnlyList<Post>>
        {
            ["dh-hrss"] =
            [
                Winter.RepostAfterIssue("h1", TimeSpan.FromHours(1)),              // t-1201 on time
                Winter.RepostAfterIssue("h2", TimeSpan.FromHours(80), "定海区防汛防台应急预案"), // t-flood late
            ],
        };
        var flood = new ClusterTask("t-flood", "定海区防汛防台应急预案", null, Winter.Issued, Winter.Deadline, []);
        var unrelated = new ClusterTask("t-fire", "冬季森林防火倡议书", null, Winter.Issued, Winter.Deadline, []);

        var matrix = Build([Winter.Task(), flood, unrelated], posts, at);

        Assert.Equal(new TaskTally(3, 2, 1), matrix.Tally("dh-hrss", Options.TallyWindow));
        Assert.Equal(new TaskTally(3, 0, 0), matrix.Tally("dh-edu", Options.TallyWindow));
    }

    [Theory]
    [InlineData("deadline after T: still open, not counted", -1, null)]
    [InlineData("deadline exactly at T: counted", 0, 1)]
    [InlineData("deadline 30 days before T: counted", 30 * 24, 1)]
    [InlineData("deadline just over 30 days before T: out of the window", 30 * 24 + 1, null)]
    public void Tally_CountsOnlyDeadlinesInTheWindowUpToT(string name, int hoursSinceDeadline, int? assigned)
    {
        var at = Winter.Deadline + TimeSpan.FromHours(hoursSinceDeadline);

        var tally = Build([Winter.Task()], [], at).Tally("dh-hrss", Options.TallyWindow);

        Assert.True(assigned == tally?.Assigned, $"{name}: {tally}");
    }

    [Fact]
    public void Tallies_LeaveOutMembersWithoutTasks()
    {
        var matrix = Build([Winter.Task("t-1201", "dh-edu")], [], Winter.Deadline);

        Assert.Equal(["dh-edu"], matrix.Tallies(Options.TallyWindow).Keys);
    }

    private static (CompletionStatus, CompletionMatch, string?) Describe(TaskCompletion? cell) =>
        (cell!.Status, cell.Match, cell.PostId);
}
