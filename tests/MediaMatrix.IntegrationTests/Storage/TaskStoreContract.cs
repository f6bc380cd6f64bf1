using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="ITaskStore"/> promises about cluster tasks' manual completions. Kept apart from
/// <see cref="MatrixStoreContract"/> so post storage and task storage grow independently; same two-store pattern.
/// </summary>
public abstract class TaskStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 30, 0, TimeSpan.FromHours(8));

    protected static readonly CancellationToken None = CancellationToken.None;

    protected StoreOptions Options { get; } = new() { KeyPrefix = $"mmtest-{Guid.NewGuid():N}" };

    protected abstract ITaskStore CreateStore(StoreOptions options);

    protected static ManualCompletion Manual(string taskId, string accountId, string by = "王科长") =>
        new(taskId, accountId, new Uri($"https://mp.weixin.qq.com/s/{taskId}-{accountId}"), by, Now,
            CompletedAt: Now - TimeSpan.FromHours(20), Note: "截图见政务微信群");

    [Fact]
    public async Task ManualCompletion_SavedThenRead_RoundTripsEveryField()
    {
        var store = CreateStore(Options);
        var completion = Manual("t-1201", "dh-hrss");

        await store.SaveManualCompletionAsync(completion, None);

        Assert.Equal([completion], await store.GetManualCompletionsAsync(["t-1201"], None));
    }

    [Fact]
    public async Task ManualCompletion_SavedTwice_IsKeptOnce()
    {
        var store = CreateStore(Options);
        var completion = Manual("t-1201", "dh-hrss");

        await store.SaveManualCompletionAsync(completion, None);
        await store.SaveManualCompletionAsync(completion, None);

        Assert.Equal([completion], await store.GetManualCompletionsAsync(null, None));
    }

    [Fact]
    public async Task ManualCompletion_SavedAgainForSamePair_ReplacesTheFirst()
    {
        var store = CreateStore(Options);
        var corrected = Manual("t-1201", "dh-hrss", by: "李主任") with { Note = null, CompletedAt = null };

        await store.SaveManualCompletionAsync(Manual("t-1201", "dh-hrss"), None);
        await store.SaveManualCompletionAsync(corrected, None);

        Assert.Equal([corrected], await store.GetManualCompletionsAsync(["t-1201"], None));
    }

    [Fact]
    public async Task GetManualCompletions_ByTaskIds_ReturnsOnlyThoseTasksInOrder()
    {
        var store = CreateStore(Options);
        var b2 = Manual("t-b", "dh-edu");
        var b1 = Manual("t-b", "dh-hrss");
        var a1 = Manual("t-a", "dh-hrss");
        var c1 = Manual("t-c", "dh-hrss");
        foreach (var completion in new[] { b1, c1, b2, a1 })
            await store.SaveManualCompletionAsync(completion, None);

        Assert.Equal([a1, b2, b1], await store.GetManualCompletionsAsync(["t-b", "t-a", "t-unknown"], None));
        Assert.Equal([a1, b2, b1, c1], await store.GetManualCompletionsAsync(null, None));
        Assert.Empty(await store.GetManualCompletionsAsync([], None));
    }

    [Fact]
    public async Task GetManualCompletions_WhenNoneSaved_IsEmpty()
    {
        var store = CreateStore(Options);

        Assert.Empty(await store.GetManualCompletionsAsync(null, None));
        Assert.Empty(await store.GetManualCompletionsAsync(["t-1201"], None));
    }

    protected static ClusterTask Created(string id, DateTimeOffset issued, string title = "转发：定海区2026年冬季征兵公告", params string[] assignees) =>
        new(id, title, new Uri($"https://www.dinghai.gov.cn/art/{id}.html"), issued, issued.AddDays(2), assignees);

    // Records compare lists by reference, so tasks are compared by what they say.
    protected static string Show(ClusterTask t) =>
        $"{t.Id}|{t.Title}|{t.Link}|{t.Issued:O}|{t.Deadline:O}|{string.Join(',', t.Assignees)}";

    [Fact]
    public async Task Task_SavedThenRead_RoundTripsEveryField()
    {
        var store = CreateStore(Options);
        var task = Created("ui-0a1b2c3d4e", Now, assignees: ["dh-hrss", "dh-edu"]);

        await store.SaveTaskAsync(task, "王科长", Now, None);

        Assert.Equal([Show(task)], (await store.GetTasksAsync(None)).Select(Show));
    }

    [Fact]
    public async Task Task_SavedAgainWithSameId_ReplacesTheFirst()
    {
        var store = CreateStore(Options);
        var corrected = Created("ui-0a1b2c3d4e", Now, title: "转发：更正后的标题") with { Link = null };

        await store.SaveTaskAsync(Created("ui-0a1b2c3d4e", Now), "王科长", Now, None);
        await store.SaveTaskAsync(corrected, "李主任", Now.AddMinutes(5), None);

        Assert.Equal([Show(corrected)], (await store.GetTasksAsync(None)).Select(Show));
    }

    [Fact]
    public async Task GetTasks_AreOrderedByIssueTime_EmptyWhenNoneSaved()
    {
        var store = CreateStore(Options);
        Assert.Empty(await store.GetTasksAsync(None));

        var late = Created("ui-a", Now);
        var early = Created("ui-b", Now.AddDays(-3));
        var middle = Created("ui-c", Now.AddHours(-5));
        foreach (var task in new[] { late, early, middle })
            await store.SaveTaskAsync(task, "王科长", Now, None);

        Assert.Equal(["ui-b", "ui-c", "ui-a"], (await store.GetTasksAsync(None)).Select(t => t.Id));
    }
}
