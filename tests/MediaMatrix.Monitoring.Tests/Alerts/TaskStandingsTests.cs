using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Alerts;

/// <summary>The task alerts see operator-created tasks (kept in the store) as they see config tasks.</summary>
public sealed class TaskStandingsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly MatrixConfig Matrix = new(
        new MatrixSettings("定海区", TimeZoneInfo.Utc, AllowPrivateNetworks: false),
        [Head, Education, Schools],
        new Dictionary<string, Profile>());

    [Fact]
    public async Task Read_StoredTaskWithoutAnyConfigTask_IsWatchedAndNamesWhoStillOwesIt()
    {
        var issued = T.AddDays(-2);
        var task = new ClusterTask("ui-0a1b2c3d4e", "定海区2026年冬季征兵公告", null, issued, issued.AddDays(3), [Education.Id, Schools.Id]);
        var store = InMemoryStores.Create();
        await store.Posts.RecordPollAsync(new PollRecord(Education.Id, [new Post("e-repost", "转发：定海区2026年冬季征兵公告", null, issued.AddHours(3))], ReadAnHourAgo(T)), None);
        await store.Tasks.SaveTaskAsync(task, "王科长", issued, None);

        var standings = await new TaskStandings(Matrix, store.Posts, store.Tasks, new TaskMatchOptions(), new AlertOptions()).ReadAsync(T, None);

        var standing = Assert.Single(standings);
        Assert.Equal(task.Id, standing.Task.Id);
        Assert.Equal([Schools.Id], standing.Missing);
    }
}
