using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Alerts;
using System.Text.Json;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Reports;

namespace MediaMatrix.IntegrationTests.Reports;

/// <summary>The <c>check</c> JSON is a public interface: existing fields keep their names and meaning, new ones are added.</summary>
public sealed class CheckReportTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static Account Account(string id, Tier tier) =>
        new(id, id, Platform.Wechat, tier, "区教育局", new Source(SourceKind.Feed, new Uri($"http://example.org/{id}.xml")));

    private static async Task<JsonElement> CheckAsync()
    {
        var head = Account("dh-app", Tier.Head);
        var member = Account("dh-edu", Tier.Member);
        var store = new InMemoryPostStore(new StoreOptions());
        var read = new PollState(LastAttemptAt: T.AddHours(-1), LastSuccessAt: T.AddHours(-1));
        Post[] daily = [.. Enumerable.Range(0, 90).Select(d => new Post($"h{d}", "要闻", null, T.AddDays(-d).AddHours(-2)))];
        await store.RecordPollAsync(new PollRecord(head.Id, daily, read), CancellationToken.None);
        // Three tasks due in the window: one reposted on time, one late, one never.
        ClusterTask Task(int n, string title) => new($"t-{n}", title, null, T.AddDays(-20 + n), T.AddDays(-18 + n), [member.Id]);
        var tasks = new[] { Task(1, "定海区2026年冬季征兵公告"), Task(2, "防范电信网络诈骗告市民书"), Task(3, "关于开展全国第五次经济普查宣传的通知") };
        await store.RecordPollAsync(new PollRecord(member.Id, [new Post("e1", "通知", null, T.AddDays(-11)),
            new Post("r1", "转发：定海区2026年冬季征兵公告", null, T.AddDays(-19)), new Post("r2", "转发：防范电信网络诈骗告市民书", null, T.AddDays(-12))], read), CancellationToken.None);
        var matrix = new MatrixConfig(new MatrixSettings("定海区", TimeZoneInfo.Utc, false), [head, member], new Dictionary<string, Profile>()) { Tasks = tasks };

        var alerts = new InMemoryAlertStore();
        var report = await new EvaluationRound(store, new InMemoryEvaluationStore(new StoreOptions()), alerts, new InMemoryTaskStore(), new InMemoryFindingStore(),
            matrix, new AssessmentOptions(), new TaskMatchOptions(), new AlertOptions(), new AlertService(alerts, TimeProvider.System)).RunAsync(T, CancellationToken.None);

        return JsonDocument.Parse(CheckReport.ToJson(report)).RootElement;
    }

    [Fact]
    public async Task CheckJson_KeepsTheExistingFields()
    {
        var json = await CheckAsync();

        Assert.Equal(T, json.GetProperty("evaluatedAt").GetDateTimeOffset());
        var summary = json.GetProperty("summary");
        foreach (var field in new[] { "checked", "qualified", "unqualified", "unknown", "passRate" })
        {
            Assert.True(summary.TryGetProperty(field, out _), $"summary.{field}");
        }

        var account = json.GetProperty("accounts")[1];
        foreach (var field in new[] { "id", "name", "verdict", "score", "lastPostAt", "postsLast7d", "postsLast14d", "postsLast30d", "reasons" })
        {
            Assert.True(account.TryGetProperty(field, out _), $"accounts[].{field}");
        }

        Assert.Equal("qualified", account.GetProperty("verdict").GetString());
        Assert.Equal("cadence", account.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task CheckJson_HasTheAssessmentFields()
    {
        var json = await CheckAsync();

        var grades = json.GetProperty("summary").GetProperty("grades");
        Assert.Equal(1, grades.GetProperty("A").GetInt32());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("warned").GetInt32());

        var member = json.GetProperty("accounts")[1];
        Assert.Equal(JsonValueKind.String, member.GetProperty("grade").ValueKind);
        Assert.False(member.GetProperty("weak").GetBoolean());
        Assert.False(member.GetProperty("zombie").GetBoolean());
        Assert.True(member.GetProperty("dormant").GetBoolean());
        Assert.Equal("close", member.GetProperty("disposition").GetProperty("kind").GetString());
        // No attention or reach part: popularity is never scored (issue 14).
        Assert.Equal(["diligence", "tasks"], member.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("dormant", member.GetProperty("dormancy").GetString());
        Assert.Equal("national", json.GetProperty("rules").GetProperty("pack").GetString());
        var tasks = member.GetProperty("tasks");
        Assert.Equal((3, 2, 1), (tasks.GetProperty("assigned").GetInt32(), tasks.GetProperty("completed").GetInt32(), tasks.GetProperty("onTime").GetInt32()));
        Assert.Equal("warning-veto-soon", member.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal(3, member.GetProperty("vetoInDays").GetInt32());

        var head = json.GetProperty("accounts")[0];
        Assert.Equal(0, head.GetProperty("tasks").GetProperty("assigned").GetInt32()); // none assigned: zeros, part not counted
        Assert.Equal("retain", head.GetProperty("disposition").GetProperty("kind").GetString());
    }
}
