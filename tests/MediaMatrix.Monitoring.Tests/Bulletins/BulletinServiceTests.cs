using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

/// <summary>The service reads the store and the inspector at the right instant; the numbers themselves are the builder's.</summary>
public sealed class BulletinServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly MatrixConfig Matrix = new(
        new MatrixSettings("定海区", Shanghai, AllowPrivateNetworks: false),
        [Head, Education],
        new Dictionary<string, Profile>());

    [Fact]
    public async Task CurrentQuarter_IsEvaluatedNow_WithTheYearsStoredPostsAndLastQuartersRecords()
    {
        var (service, store) = await ServiceAsync();
        var september = new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.FromHours(8));
        await store.Evaluations.SaveEvaluationAsync(new EvaluationRecord(Education.Id, september, 40, 40, Verdict.Unqualified, false, 1, 0), None);
        await store.Evaluations.SaveEvaluationAsync(new EvaluationRecord(Head.Id, september, 90, 90, Verdict.Qualified, false, 0, 1), None);

        var bulletin = await service.CreateAsync(BulletinPeriod.Parse("2026Q4"), T, None);

        Assert.Equal(T, bulletin.EvaluatedAt);
        Assert.Equal(new BulletinFigures(2, 2, 0, 0, 1, 0, 0, 0), bulletin.Figures);
        Assert.Equal(new PeriodFigures(2, 1, 1, 0, 0.5, 0), bulletin.Change.PreviousFigures);
        Assert.Equal(50, bulletin.Change.PassRatePointsDelta);
        Assert.Equal(Posts().Count(p => p.PublishedAt <= T), bulletin.Year.PostsPublished);
    }

    [Fact]
    public async Task PastMonth_IsEvaluatedAtItsEnd_AndCountsNoLaterPost()
    {
        var (service, _) = await ServiceAsync();
        var endOfNovember = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

        var bulletin = await service.CreateAsync(BulletinPeriod.Parse("2026-11"), T, None);

        Assert.Equal(endOfNovember, bulletin.EvaluatedAt);
        Assert.Null(bulletin.Change.PreviousFigures);
        Assert.Equal(Posts().Count(p => p.PublishedAt <= endOfNovember), bulletin.Year.PostsPublished);
    }

    [Fact]
    public async Task PeriodNotStarted_IsRefused()
    {
        var (service, _) = await ServiceAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => service.CreateAsync(BulletinPeriod.Parse("2027Q1"), T, None));

        Assert.Contains("has not started", error.Message, StringComparison.Ordinal);
    }

    private static Post[] HeadPosts() => Regular(1, newestDaysAgo: 0.1);

    private static Post[] EducationPosts() => Regular(2);

    private static IEnumerable<Post> Posts() => [.. HeadPosts(), .. EducationPosts()];

    private static async Task<(BulletinService Service, InMemoryStores Store)> ServiceAsync()
    {
        var store = InMemoryStores.Create();
        await store.Posts.RecordPollAsync(new PollRecord(Head.Id, HeadPosts(), ReadAnHourAgo(T)), None);
        await store.Posts.RecordPollAsync(new PollRecord(Education.Id, EducationPosts(), ReadAnHourAgo(T)), None);
        return (new BulletinService(Matrix, store.Round(Matrix, Rubric)), store);
    }
}
