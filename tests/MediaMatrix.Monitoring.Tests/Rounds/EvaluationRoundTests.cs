using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Tests.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Rounds;

public sealed class EvaluationRoundTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly MatrixConfig Matrix = new(
        new MatrixSettings("定海区", TimeZoneInfo.Utc, AllowPrivateNetworks: false),
        [Head, Education, Schools, Culture],
        new Dictionary<string, Profile>());

    private static async Task<InMemoryStores> StoreWithAsync(params (Account Account, Post[] Posts)[] accounts)
    {
        var store = InMemoryStores.Create();
        foreach (var (account, posts) in accounts)
        {
            await store.Posts.RecordPollAsync(new PollRecord(account.Id, posts, ReadAnHourAgo(T)), None);
        }

        return store;
    }

    private static EvaluationRound Round(InMemoryStores store, MatrixConfig? matrix = null) => store.Round(matrix ?? Matrix, Rubric);

    [Fact]
    public async Task Round_WithoutPersist_LeavesTheHistoryAlone()
    {
        var store = await StoreWithAsync((Education, Regular(7)));

        await Round(store).RunAsync(T, None);

        Assert.Empty(await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None));
    }

    [Fact]
    public async Task Round_WithPersist_SavesOneRecordPerAccountAndTheNextOneSmoothsWithIt()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)));
        var round = Round(store);

        var first = await round.RunAsync(RoundRequest.Scheduled(T.AddDays(-1)), None);
        var saved = Assert.Single(await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None));
        Assert.Equal(first.Accounts.Single(r => r.Account == Education).Evaluation.ToRecord(), saved);
        Assert.Single(await store.Evaluations.GetEvaluationHistoryAsync(Culture.Id, 10, None)); // unknown (never polled) is kept too

        // Education stops completing tasks; the published score moves only part of the way.
        var missed = new ClusterTask("t-missed", "定海区2026年冬季征兵公告", null, T.AddDays(-5), T.AddDays(-3), [Education.Id]);
        var next = (await Round(store, Matrix with { Tasks = [missed] }).RunAsync(T, None)).Accounts.Single(r => r.Account == Education).Evaluation;
        Assert.Equal(new TaskTally(1, 0, 0), next.Tasks);
        Assert.Equal(Math.Round((0.3 * next.RawScore!.Value) + (0.7 * saved.Score!.Value), 1), next.Score);
    }

    [Theory]
    [InlineData(5.0, 1)]    // an evaluation job every few minutes keeps one record a day
    [InlineData(19.0, 1)]
    [InlineData(20.0, 2)]
    [InlineData(24.0, 2)]
    public async Task Round_WithPersist_KeepsOneRecordPerSpacing(double hoursLater, int expected)
    {
        var store = await StoreWithAsync((Education, Regular(7)));
        var round = Round(store);

        await round.RunAsync(RoundRequest.Scheduled(T), None);
        await round.RunAsync(RoundRequest.Scheduled(T.AddHours(hoursLater)), None);

        Assert.Equal(expected, (await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None)).Count);
    }

    [Fact]
    public async Task Round_WithPersist_SameInstantTwice_KeepsOneRecord()
    {
        var store = await StoreWithAsync((Education, Regular(7)));
        var round = Round(store);

        var first = await round.RunAsync(RoundRequest.Scheduled(T), None);
        var again = await round.RunAsync(RoundRequest.Scheduled(T), None);

        Assert.Single(await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None));
        Assert.Equal(first.Accounts[1].Evaluation.Score, again.Accounts[1].Evaluation.Score);
    }

    [Fact]
    public async Task Round_MergeProposal_NamesTheSiblingInTheSameDepartment()
    {
        // Weak yesterday and silent for 16 days now: where no platform shows reach, a weak account nobody runs is merged.
        var store = await StoreWithAsync((Head, Regular(1)), (Education, PostsDaysAgo(16, 20, 24, 28, 32)), (Schools, Regular(7)), (Culture, Regular(7)));
        await store.Evaluations.SaveEvaluationAsync(WeakYesterday(Education), None);

        var report = await Round(store).RunAsync(T, None);

        var education = report.Accounts.Single(r => r.Account == Education).Evaluation;
        Assert.Equal(DispositionKind.Merge, education.Disposition!.Kind);
        Assert.Equal(Schools.Id, education.Disposition.MergeInto);
    }

    [Fact]
    public async Task Round_ConfiguredTasks_AreMatchedAndTallied()
    {
        // Issued 10 days before T, due 2 days later: Education reposted on time by title, Culture late, Schools never.
        var issued = T.AddDays(-10);
        var task = new ClusterTask("t-1201", "定海区2026年冬季征兵公告", new Uri("http://example.org/art_1.html"), issued, issued.AddDays(2), []);
        var matrix = Matrix with { Tasks = [task] };
        var store = await StoreWithAsync(
            (Head, Regular(1)),
            (Education, [.. Regular(7), new Post("e-repost", "转发：定海区2026年冬季征兵公告", null, issued.AddHours(3))]),
            (Schools, Regular(7)),
            (Culture, [.. Regular(7), new Post("c-repost", "【转载】定海区2026年冬季征兵公告", null, issued.AddDays(4))]));
        var report = await Round(store, matrix).RunAsync(T, None);

        TaskTally? TallyOf(Account account) => report.Accounts.Single(r => r.Account == account).Evaluation.Tasks;
        Assert.Equal(new TaskTally(1, 1, 1), TallyOf(Education));
        Assert.Equal(new TaskTally(1, 1, 0), TallyOf(Culture));
        Assert.Equal(new TaskTally(1, 0, 0), TallyOf(Schools));
        Assert.Null(TallyOf(Head)); // the head issues tasks, it is not assigned them
    }

    [Fact]
    public async Task Round_StoredTasks_CountInTheTasksPartWithoutAnyConfigTask()
    {
        // Created by an operator (UI/API), so only the store knows it: the config has no tasks and no rules.
        var issued = T.AddDays(-10);
        var task = new ClusterTask("ui-0a1b2c3d4e", "定海区2026年冬季征兵公告", null, issued, issued.AddDays(2), [Education.Id]);
        var store = await StoreWithAsync(
            (Head, Regular(1)),
            (Education, [.. Regular(7), new Post("e-repost", "转发：定海区2026年冬季征兵公告", null, issued.AddHours(3))]),
            (Schools, Regular(7)));
        await store.Tasks.SaveTaskAsync(task, "王科长", issued, None);
        var report = await Round(store).RunAsync(T, None);

        Assert.Equal(1, report.Accounts.Single(r => r.Account == Education).Evaluation.Tasks?.Assigned);
        Assert.Equal(new TaskTally(1, 1, 1), report.Accounts.Single(r => r.Account == Education).Evaluation.Tasks);
    }

    [Fact]
    public async Task Round_ManualFindings_VetoTheirAccount()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)));
        await store.Findings.RecordFindingAsync(new ManualFinding("f1", Education.Id, FindingKind.PersonalDataLeak, "泄露个人信息", T.AddDays(-1)), None);

        var report = await Round(store).RunAsync(T, None);

        Assert.Equal(Verdict.Unqualified, report.Accounts.Single(r => r.Account == Education).Evaluation.Verdict);
        Assert.Equal(Verdict.Qualified, report.Accounts.Single(r => r.Account == Head).Evaluation.Verdict);
    }

    [Fact]
    public async Task Summary_CountsGradesAndFlagsOfJudgedAccounts()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)), (Schools, PostsDaysAgo(120)));

        var summary = (await Round(store).RunAsync(T, None)).Summary;

        Assert.Equal((4, 2, 1, 1), (summary.Checked, summary.Qualified, summary.Unqualified, summary.Unknown));
        Assert.Equal(new GradeCounts(2, 0, 0, 1), summary.Grades);
        Assert.Equal(1, summary.Zombie);
    }
}
