using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tests.Assessment;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Inspection;

public sealed class MatrixInspectorTests
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

    [Fact]
    public async Task Inspect_WithoutPersist_LeavesTheHistoryAlone()
    {
        var store = await StoreWithAsync((Education, Regular(7)));

        await new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric).InspectAsync(T, None);

        Assert.Empty(await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None));
    }

    [Fact]
    public async Task Inspect_WithPersist_SavesOneRecordPerAccountAndTheNextOneSmoothsWithIt()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)));
        var inspector = new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric);

        var first = await inspector.InspectAsync(T.AddDays(-1), persist: true, None);
        var saved = Assert.Single(await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None));
        Assert.Equal(first.Accounts.Single(r => r.Account == Education).Evaluation.ToRecord(), saved);
        Assert.Single(await store.Evaluations.GetEvaluationHistoryAsync(Culture.Id, 10, None)); // unknown (never polled) is kept too

        // Education stops completing tasks; the published score moves only part of the way.
        var withTasks = new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric, new InspectionSources { Tasks = (a, _) => a == Education ? new TaskTally(4, 0, 0) : null });
        var next = (await withTasks.InspectAsync(T, None)).Accounts.Single(r => r.Account == Education).Evaluation;
        Assert.Equal(Math.Round((0.3 * next.RawScore!.Value) + (0.7 * saved.Score!.Value), 1), next.Score);
    }

    [Theory]
    [InlineData(5.0, 1)]    // an evaluation job every few minutes keeps one record a day
    [InlineData(19.0, 1)]
    [InlineData(20.0, 2)]
    [InlineData(24.0, 2)]
    public async Task Inspect_WithPersist_KeepsOneRecordPerSpacing(double hoursLater, int expected)
    {
        var store = await StoreWithAsync((Education, Regular(7)));
        var inspector = new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric);

        await inspector.InspectAsync(T, persist: true, None);
        await inspector.InspectAsync(T.AddHours(hoursLater), persist: true, None);

        Assert.Equal(expected, (await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None)).Count);
    }

    [Fact]
    public async Task Inspect_WithPersist_SameInstantTwice_KeepsOneRecord()
    {
        var store = await StoreWithAsync((Education, Regular(7)));
        var inspector = new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric);

        var first = await inspector.InspectAsync(T, persist: true, None);
        var again = await inspector.InspectAsync(T, persist: true, None);

        Assert.Single(await store.Evaluations.GetEvaluationHistoryAsync(Education.Id, 10, None));
        Assert.Equal(first.Accounts[1].Evaluation.Score, again.Accounts[1].Evaluation.Score);
    }

    [Fact]
    public async Task Inspect_MergeProposal_NamesTheSiblingInTheSameDepartment()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(20)), (Schools, Regular(7)), (Culture, Regular(7)));
        await store.Evaluations.SaveEvaluationAsync(WeakYesterday(Education), None);
        var sources = new InspectionSources { Reach = a => new AccountReach(a == Education ? 500 : 10_000, null) };

        var report = await new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric, sources).InspectAsync(T, None);

        var education = report.Accounts.Single(r => r.Account == Education).Evaluation;
        Assert.Equal(DispositionKind.Merge, education.Disposition!.Kind);
        Assert.Equal(Schools.Id, education.Disposition.MergeInto);
    }

    [Fact]
    public async Task Inspect_MatrixTaskTallies_SeeEveryAccountsPostsAndFeedTheTasksPart()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)));
        IReadOnlyDictionary<string, IReadOnlyList<Post>>? seen = null;
        var sources = new InspectionSources
        {
            TaskTallies = (_, posts, _) =>
            {
                seen = posts;
                return Task.FromResult<IReadOnlyDictionary<string, TaskTally>>(new Dictionary<string, TaskTally> { [Education.Id] = new(2, 1, 1) });
            },
        };

        var report = await new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric, sources).InspectAsync(T, None);

        Assert.Equal(Regular(7).Length, seen![Education.Id].Count);
        Assert.Equal(new TaskTally(2, 1, 1), report.Accounts.Single(r => r.Account == Education).Evaluation.Tasks);
        Assert.Null(report.Accounts.Single(r => r.Account == Head).Evaluation.Tasks); // not in the result: no tasks
    }

    [Fact]
    public async Task Inspect_ConfiguredTasks_AreMatchedAndTallied()
    {
        // Issued 10 days before T, due 2 days later: Education reposted on time by title, Culture late, Schools never.
        var issued = T.AddDays(-10);
        var task = new MediaMatrix.Monitoring.Tasks.ClusterTask("t-1201", "定海区2026年冬季征兵公告", new Uri("http://example.org/art_1.html"), issued, issued.AddDays(2), []);
        var matrix = Matrix with { Tasks = [task] };
        var store = await StoreWithAsync(
            (Head, Regular(1)),
            (Education, [.. Regular(7), new Post("e-repost", "转发：定海区2026年冬季征兵公告", null, issued.AddHours(3))]),
            (Schools, Regular(7)),
            (Culture, [.. Regular(7), new Post("c-repost", "【转载】定海区2026年冬季征兵公告", null, issued.AddDays(4))]));
        var sources = ClusterTaskTallies.Sources(matrix, store.Tasks, new MediaMatrix.Monitoring.Tasks.TaskMatchOptions());

        var report = await new MatrixInspector(store.Posts, store.Evaluations, matrix, Rubric, sources).InspectAsync(T, None);

        TaskTally? TallyOf(Account account) => report.Accounts.Single(r => r.Account == account).Evaluation.Tasks;
        Assert.Equal(new TaskTally(1, 1, 1), TallyOf(Education));
        Assert.Equal(new TaskTally(1, 1, 0), TallyOf(Culture));
        Assert.Equal(new TaskTally(1, 0, 0), TallyOf(Schools));
        Assert.Null(TallyOf(Head)); // the head issues tasks, it is not assigned them
    }

    [Fact]
    public async Task Inspect_StoredTasks_CountInTheTasksPartWithoutAnyConfigTask()
    {
        // Created by an operator (UI/API), so only the store knows it: the config has no tasks and no rules.
        var issued = T.AddDays(-10);
        var task = new MediaMatrix.Monitoring.Tasks.ClusterTask("ui-0a1b2c3d4e", "定海区2026年冬季征兵公告", null, issued, issued.AddDays(2), [Education.Id]);
        var store = await StoreWithAsync(
            (Head, Regular(1)),
            (Education, [.. Regular(7), new Post("e-repost", "转发：定海区2026年冬季征兵公告", null, issued.AddHours(3))]),
            (Schools, Regular(7)));
        await store.Tasks.SaveTaskAsync(task, "王科长", issued, None);
        var sources = ClusterTaskTallies.Sources(Matrix, store.Tasks, new MediaMatrix.Monitoring.Tasks.TaskMatchOptions());

        var report = await new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric, sources).InspectAsync(T, None);

        Assert.Equal(1, report.Accounts.Single(r => r.Account == Education).Evaluation.Tasks?.Assigned);
        Assert.Equal(new TaskTally(1, 1, 1), report.Accounts.Single(r => r.Account == Education).Evaluation.Tasks);
    }

    [Fact]
    public async Task Inspect_ManualFindings_VetoTheirAccount()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)));
        var findings = new InMemoryFindingStore();
        await findings.RecordFindingAsync(new ManualFinding("f1", Education.Id, FindingKind.PersonalDataLeak, "泄露个人信息", T.AddDays(-1)), None);

        var report = await new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric, findingStore: findings).InspectAsync(T, None);

        Assert.Equal(Verdict.Unqualified, report.Accounts.Single(r => r.Account == Education).Evaluation.Verdict);
        Assert.Equal(Verdict.Qualified, report.Accounts.Single(r => r.Account == Head).Evaluation.Verdict);
    }

    [Fact]
    public async Task Summary_CountsGradesAndFlagsOfJudgedAccounts()
    {
        var store = await StoreWithAsync((Head, Regular(1)), (Education, Regular(7)), (Schools, PostsDaysAgo(120)));

        var summary = (await new MatrixInspector(store.Posts, store.Evaluations, Matrix, Rubric).InspectAsync(T, None)).Summary;

        Assert.Equal((4, 2, 1, 1), (summary.Checked, summary.Qualified, summary.Unqualified, summary.Unknown));
        Assert.Equal(new GradeCounts(2, 0, 0, 1), summary.Grades);
        Assert.Equal(1, summary.Zombie);
    }
}
