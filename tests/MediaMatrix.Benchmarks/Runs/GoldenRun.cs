using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// <c>golden</c>: a refactor's witness. Seeds an in-memory store with S1's corpus (N accounts, 90 days of posts, four
/// cluster tasks), some failing sources, manual completions and findings, runs three evaluation rounds a day apart
/// (persisting, with alerts, as the evaluation job does), and prints every evaluation and alert change as JSON. The
/// same output before and after a change of the judging code shows its behaviour kept (issue 11's acceptance).
/// </summary>
internal static class GoldenRun
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(RunArguments args)
    {
        var corpus = AssessmentCorpus.Create(args.Int("accounts", 2000));
        var now = AssessmentCorpus.Now;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var matrix = new MatrixConfig(new MatrixSettings("golden", zone, false), [.. corpus.Inputs.Select(i => i.Account)],
            new Dictionary<string, Profile>())
        { Tasks = corpus.Tasks };
        var store = new InMemoryPostStore(new StoreOptions());
        var tasks = new InMemoryTaskStore();
        var alertStore = new InMemoryAlertStore();
        var findings = new InMemoryFindingStore();
        var none = CancellationToken.None;

        for (var i = 0; i < corpus.Inputs.Count; i++)
        {
            var input = corpus.Inputs[i];
            var state = i % 97 == 5
                ? new PollState(now.AddHours(-1), now.AddDays(-3), "HTTP 503", FetchErrorClass.Http5xx, ConsecutiveFailures: 9)
                : input.Poll!;
            await store.RecordPollAsync(new PollRecord(input.Account.Id, input.Posts, state), none);
        }

        foreach (var member in corpus.MemberIds.Where((_, n) => n % 211 == 3))
        {
            await tasks.SaveManualCompletionAsync(new ManualCompletion("t-1", member, new Uri($"https://mp.weixin.qq.com/s/{member}"),
                "golden", now.AddDays(-20), now.AddDays(-26)), none);
        }

        foreach (var member in corpus.MemberIds.Where((_, n) => n % 331 == 7))
        {
            await findings.RecordFindingAsync(new ManualFinding($"f-{member}", member, FindingKind.SeriousError, "严重表述错误", now.AddDays(-1.5))
            {
                RecordedBy = "golden",
                RecordedAt = now.AddDays(-1.5),
            }, none);
        }

        var options = new AssessmentOptions();
        var taskOptions = new TaskMatchOptions();
        var round = new EvaluationRound(store, new InMemoryEvaluationStore(new StoreOptions()), alertStore, tasks, findings, matrix, options, taskOptions,
            new AlertOptions(), new AlertService(alertStore, TimeProvider.System));
        using var output = Console.OpenStandardOutput();
        foreach (var at in new[] { now.AddDays(-2), now.AddDays(-1), now })
        {
            var report = await round.RunAsync(RoundRequest.Scheduled(at), none);
            var changes = report.Alerts;
            await JsonSerializer.SerializeAsync(output, new
            {
                At = at,
                report.Summary,
                Evaluations = report.Accounts.Select(a => a.Evaluation),
                Opened = changes.Opened,
                Resolved = changes.Resolved,
            }, Json);
        }

        return 0;
    }
}
