using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Tests.Matrix;

namespace MediaMatrix.Monitoring.Tests.Tasks;

/// <summary>The <c>tasks:</c> and <c>taskRules:</c> sections, appended to <see cref="MatrixYaml.Valid"/> from line 21 on.</summary>
public class TaskConfigTests
{
    private const string Sections = """
        tasks:
          - id: t-1201
            title: 定海区2026年冬季征兵公告
            link: "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html"
            issued: 2026-12-01T09:00:00+08:00
            deadline: 2026-12-03T09:00:00+08:00
            assignees: [dh-hrss]
          - id: t-1202
            title: 冬季防火倡议书
            issued: 2026-12-05 09:00
            deadline: 2026-12-06 09:00
        taskRules:
          - keywords: [征兵, 防汛]
            deadlineAfter: 48h
        """;

    private static string WithLine(int line, string replacement)
    {
        var lines = (MatrixYaml.Valid + "\n" + Sections).Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public void Load_TasksAndRules_AreRead()
    {
        var result = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid + "\n" + Sections, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        var beijing = TimeSpan.FromHours(8);
        Assert.Equal(
            [
                new ClusterTask("t-1201", "定海区2026年冬季征兵公告", new Uri("http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html"),
                    new DateTimeOffset(2026, 12, 1, 9, 0, 0, beijing), new DateTimeOffset(2026, 12, 3, 9, 0, 0, beijing), ["dh-hrss"]),
                // No offset: read in the matrix's time zone (Asia/Shanghai). No assignees: every member.
                new ClusterTask("t-1202", "冬季防火倡议书", null,
                    new DateTimeOffset(2026, 12, 5, 9, 0, 0, beijing), new DateTimeOffset(2026, 12, 6, 9, 0, 0, beijing), []),
            ],
            result.Config.Tasks.Select(t => t with { Assignees = [.. t.Assignees] }),
            new TaskComparer());
        var rule = Assert.Single(result.Config.Rules);
        Assert.Equal(["征兵", "防汛"], rule.Keywords);
        Assert.Equal(TimeSpan.FromHours(48), rule.DeadlineAfter);
        Assert.Empty(rule.Assignees);
    }

    [Fact]
    public void Load_WithoutTasksOrRules_HasNone()
    {
        var result = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid, MatrixYaml.FileName);

        Assert.Empty(result.Config!.Tasks);
        Assert.Empty(result.Config.Rules);
    }

    [Theory]
    [InlineData("unknown assignee", 27, "    assignees: [dh-hrss, dh-edu]", "tasks[0].assignees[1]", 27, "unknown account id 'dh-edu'")]
    [InlineData("assignee is the head", 27, "    assignees: [dinghaishan]", "tasks[0].assignees[0]", 27, "'dinghaishan' is the head")]
    [InlineData("assignee twice", 27, "    assignees: [dh-hrss, dh-hrss]", "tasks[0].assignees[1]", 27, "'dh-hrss' is listed twice")]
    [InlineData("deadline before issued", 26, "    deadline: 2026-11-30T09:00:00+08:00", "tasks[0].deadline", 26, "is not after issued")]
    [InlineData("deadline equal to issued", 26, "    deadline: 2026-12-01T09:00:00+08:00", "tasks[0].deadline", 26, "is not after issued")]
    [InlineData("duplicate task id", 28, "  - id: t-1201", "tasks[1].id", 28, "duplicate task id 't-1201' (first used on line 22)")]
    [InlineData("id with capitals", 22, "  - id: T-1201", "tasks[0].id", 22, "'T-1201' is not a valid id")]
    [InlineData("id kept for rules", 22, "  - id: auto-1201", "tasks[0].id", 22, "kept for tasks made by rules")]
    [InlineData("bad link", 24, "    link: art_123.html", "tasks[0].link", 24, "'art_123.html' is not an absolute http or https URL")]
    [InlineData("link with another scheme", 24, "    link: ftp://www.dinghai.example.gov.cn/a.html", "tasks[0].link", 24, "is not an absolute http or https URL")]
    [InlineData("bad date", 25, "    issued: 12/01/2026 9am", "tasks[0].issued", 25, "'12/01/2026 9am' is not a date and time")]
    [InlineData("impossible date", 25, "    issued: 2026-13-01T09:00:00+08:00", "tasks[0].issued", 25, "is not a date and time")]
    // The rules POST /api/v1/tasks applies too (TaskRules): blank once invisible characters go, at most 200 characters.
    [InlineData("title of zero-width spaces", 23, "    title: \"\\u200B\\u200B\"", "tasks[0].title", 23, "spaces and invisible characters alone do not count")]
    [InlineData("title with an escape character", 23, "    title: \"征兵\\e[31m\"", "tasks[0].title", 23, "no control characters")]
    [InlineData("missing title", 23, "    # title removed", "tasks[0].title", 22, "required key is missing")]
    [InlineData("missing deadline", 31, "    # deadline removed", "tasks[1].deadline", 28, "required key is missing")]
    [InlineData("unknown task key", 27, "    assignee: [dh-hrss]", "tasks[0].assignee", 27, "did you mean 'assignees'?")]
    [InlineData("assignees not a list", 27, "    assignees: dh-hrss", "tasks[0].assignees", 27, "expected a list of text values")]
    [InlineData("rule without keywords", 33, "  - keywords: []", "taskRules[0].keywords", 33, "at least one keyword")]
    [InlineData("rule with blank keyword", 33, """  - keywords: [征兵, ""]""", "taskRules[0].keywords[1]", 33, "cannot be blank")]
    [InlineData("rule with bad delay", 34, "    deadlineAfter: 2 days", "taskRules[0].deadlineAfter", 34, "'2 days' is not a duration")]
    [InlineData("rule without delay", 34, "    assignees: [dh-hrss]", "taskRules[0].deadlineAfter", 33, "required key is missing")]
    [InlineData("rule assignee unknown", 34, "    deadlineAfter: 48h\n    assignees: [dh-edu]", "taskRules[0].assignees[0]", 35, "unknown account id 'dh-edu'")]
    public void Load_OneMistakeInTasksOrRules_ReportsOneErrorWithFieldAndLine(string mistake, int line, string replacement, string field, int expectedLine, string message)
    {
        var result = MatrixConfigLoader.LoadFromText(WithLine(line, replacement), MatrixYaml.FileName);

        Assert.True(result.Errors.Count == 1, $"{mistake}: {string.Join(" | ", result.Errors)}");
        var error = result.Errors[0];
        Assert.Equal((MatrixYaml.FileName, field, expectedLine), (error.File, error.Field, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string, string, string> TooLong => new()
    {
        { "title over 200 characters", 23, $"    title: {new string('长', TaskRules.MaxTitleLength + 1)}", "tasks[0].title", "at most 200 characters" },
        { "link over 2,048 characters", 24, $"    link: http://www.dinghai.example.gov.cn/{new string('a', TaskRules.MaxLinkLength)}.html", "tasks[0].link", "at most 2048 characters" },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public void Load_TitleOrLinkTooLong_ReportsOneErrorWithFieldAndLine(string mistake, int line, string replacement, string field, string message)
    {
        var result = MatrixConfigLoader.LoadFromText(WithLine(line, replacement), MatrixYaml.FileName);

        Assert.True(result.Errors.Count == 1, $"{mistake}: {string.Join(" | ", result.Errors)}");
        Assert.Equal((field, line), (result.Errors[0].Field, result.Errors[0].Line));
        Assert.Contains(message, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssigneeWhoseAccountHasAnotherMistake_IsNotReportedAgain()
    {
        // dh-hrss has an unknown platform: one error for that, none for the task that names it.
        var yaml = (MatrixYaml.Valid + "\n" + Sections).Replace("platform: website", "platform: site", StringComparison.Ordinal);

        var error = Assert.Single(MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName).Errors);

        Assert.Equal("accounts[1].platform", error.Field);
    }

    /// <summary>Records compare lists by reference; tasks are equal here when their fields and assignees are.</summary>
    private sealed class TaskComparer : IEqualityComparer<ClusterTask>
    {
        public bool Equals(ClusterTask? x, ClusterTask? y) =>
            x is not null && y is not null && x with { Assignees = [] } == y with { Assignees = [] } && x.Assignees.SequenceEqual(y.Assignees);

        public int GetHashCode(ClusterTask obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
