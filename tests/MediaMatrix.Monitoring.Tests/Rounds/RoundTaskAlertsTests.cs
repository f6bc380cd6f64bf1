using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Rounds;

/// <summary>The task alerts see operator-created tasks (kept in the store) as they see config tasks, from the same
/// completion matrix the rubric tallies.</summary>
public sealed class RoundTaskAlertsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly MatrixConfig Matrix = new(
        new MatrixSettings("定海区", TimeZoneInfo.Utc, AllowPrivateNetworks: false),
        [Head, Education, Schools],
        new Dictionary<string, Profile>());

    [Fact]
    public async Task Round_StoredTaskWithoutAnyConfigTask_IsWatchedAndTheReminderNamesWhoStillOwesIt()
    {
        // Due in a day (within the reminder lead): Education reposted, Schools has not.
        var issued = T.AddDays(-2);
        var task = new ClusterTask("ui-0a1b2c3d4e", "定海区2026年冬季征兵公告", null, issued, issued.AddDays(3), [Education.Id, Schools.Id]);
        var store = InMemoryStores.Create();
        await store.Posts.RecordPollAsync(new PollRecord(Education.Id, [new Post("e-repost", "转发：定海区2026年冬季征兵公告", null, issued.AddHours(3))], ReadAnHourAgo(T)), None);
        await store.Tasks.SaveTaskAsync(task, "王科长", issued, None);
        var round = store.Round(Matrix, Rubric);

        var report = await round.RunAsync(T, None);

        Assert.Equal([Schools.Id], report.Completions.MissingFor(task.Id));
        var reminder = Assert.Single(report.Alerts.Opened, a => a.Kind == AlertKind.TaskReminder);
        Assert.Equal(task.Id, reminder.Subject);
        Assert.Equal([Schools.Id], reminder.Accounts);
        Assert.Empty(await store.Alerts.GetOpenAlertsAsync(None)); // a look proposes; only a scheduled round stores
    }
}
