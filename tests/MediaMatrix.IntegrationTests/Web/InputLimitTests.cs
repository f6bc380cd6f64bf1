using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaMatrix.Access;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The real host over a redis-server of its own, so a test can look at the store's task keys themselves.</summary>
public sealed class LimitsHost : IAsyncLifetime
{
    public const string Prefix = "mmlimits";

    public const string TaskId = "limits-task";

    public RedisInstance Redis { get; private set; } = null!;

    public DemoSimulator Simulator { get; private set; } = null!;

    public WorkplaceHost Host { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public RedisKeys Keys { get; } = new(Prefix);

    public async Task InitializeAsync()
    {
        Redis = await RedisInstance.StartAsync();
        Connection = await Redis.ConnectAsync();
        Simulator = await DemoSimulator.StartAsync();
        // The demo matrix plus one config task, for manual completions: a config task is never written to the store.
        await File.AppendAllTextAsync(Simulator.ConfigPath, $"""

            tasks:
              - id: {TaskId}
                title: 转发：限额测试
                issued: 2026-01-01T09:00:00+08:00
                deadline: 2036-01-01T09:00:00+08:00
            """);
        Host = await WorkplaceHost.StartAsync(Simulator.ConfigPath, new Dictionary<string, string?>
        {
            ["Store:Kind"] = "redis",
            ["Redis:Configuration"] = Redis.EndPoint,
            ["Store:KeyPrefix"] = Prefix,
            ["Auth:LoginAttemptsPerMinute"] = "1000",
        });
    }

    public HttpClient Api(string user)
    {
        var client = Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Host.Services.GetRequiredService<ApiTokens>().Issue(user, "limits-test").Secret);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        await Connection.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>
/// Issue 16 point 3: every operator input is bounded by the config's own rules, and a refusal is a 400 (413 for a body)
/// problem whose detail names the field and the reason. None of these requests writes anything: the tests that send
/// bodies meant to create tasks check the store's task hash stays absent.
/// </summary>
public sealed class InputLimitTests(LimitsHost limits) : IClassFixture<LimitsHost>
{
    // The demo cast: dinghaishan is the head, twenty members (dh-gov, dh-edu, …).
    private const string Head = "dinghaishan";

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("detail", out _), problem.ToString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith(field + ":", detail, StringComparison.Ordinal);
        return problem;
    }

    private async Task AssertNoTaskStoredAsync() =>
        Assert.False(await limits.Connection.GetDatabase().KeyExistsAsync(limits.Keys.Tasks), "a refused task reached the store");

    [Fact]
    public async Task TaskBodyOf26MB_IsRefused413ProblemBeforeItIsRead_AndNoTaskIsWritten()
    {
        // The probe's body: a title and millions of assignees, 26 MB.
        var json = new StringBuilder(27 * 1024 * 1024).Append("{\"title\":\"转发\",\"hours\":24,\"assignees\":[");
        for (var i = 0; i < 2_900_000; i++)
        {
            json.Append(i == 0 ? "\"dh-gov\"" : ",\"dh-gov\"");
        }

        var body = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
        Assert.True(body.Length > 26_000_000);

        // Expect: 100-continue, waited for as long as it takes: the client sends the body only if the server asks for it,
        // so the answer cannot race a half-sent body and the test shows the server refused it from its headers alone.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) };
        using var client = new HttpClient(handler) { BaseAddress = limits.Host.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", limits.Host.Services.GetRequiredService<ApiTokens>().Issue("operator", "limits-test").Secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Contains("65,536", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNoTaskStoredAsync();
    }

    [Fact]
    public async Task FormBodyOverTheLimit_IsRefused413Problem()
    {
        using var page = await limits.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        var form = new Dictionary<string, string> { ["title"] = new string('x', 70_000), ["hours"] = "24" };
        using var response = await WorkplaceHost.PostFormAsync(page, "/tasks", form, "/tasks");
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        await AssertNoTaskStoredAsync();
    }

    public static TheoryData<string, object, string> RefusedTasks => new()
    {
        { "the head as assignee", new { title = "转发", hours = 24, assignees = new[] { "dh-gov", Head } }, "assignees[1]" },
        { "an assignee twice", new { title = "转发", hours = 24, assignees = new[] { "dh-gov", "dh-edu", "dh-gov" } }, "assignees[2]" },
        { "an unknown assignee", new { title = "转发", hours = 24, assignees = new[] { "no-such-account" } }, "assignees[0]" },
        { "more assignees than members", new { title = "转发", hours = 24, assignees = Enumerable.Repeat("dh-gov", 21).ToArray() }, "assignees" },
        { "a null assignee", new { title = "转发", hours = 24, assignees = new[] { "dh-gov", null } }, "assignees[1]" },
        { "a title of zero-width spaces", new { title = "\u200B\u200B\u200B", hours = 24 }, "title" },
        { "a title of a BOM, a joiner and spaces", new { title = " \uFEFF\u200D\u3000 ", hours = 24 }, "title" },
        { "a title over 200 characters", new { title = new string('长', 201), hours = 24 }, "title" },
        { "a title with a control character", new { title = "转发\u001B[31m", hours = 24 }, "title" },
        { "a link over 2,048 characters", new { title = "转发", hours = 24, link = "https://example.gov.cn/" + new string('a', 2048) }, "link" },
        { "hours past 90 days", new { title = "转发", hours = 2161 }, "hours" },
    };

    [Theory]
    [MemberData(nameof(RefusedTasks))]
    public async Task RefusedTask_Is400ProblemNamingTheField_AndNothingIsStored(string why, object body, string field)
    {
        using var api = limits.Api("operator");
        using var response = await api.PostAsJsonAsync("/api/v1/tasks", body);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: no error for {field}");
        await AssertNoTaskStoredAsync();
    }

    [Fact]
    public async Task TaskForm_WithAZeroWidthTitle_Is400Page_AndNothingIsStored()
    {
        using var page = await limits.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        using var response = await WorkplaceHost.PostFormAsync(page, "/tasks", new() { ["title"] = "\u200B\u200B", ["hours"] = "24" }, "/tasks");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("title:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoTaskStoredAsync();
    }

    [Fact]
    public async Task TokenName_Of100000Characters_Is413_OverTheLimitOrNotPrintable_Is400_AndNoTokenIsIssued()
    {
        using var admin = limits.Api("admin");
        var before = limits.Host.Services.GetRequiredService<ApiTokens>().All.Count;
        // 100,000 characters is past the body limit already; one past the name limit is the name rule's.
        using var huge = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "viewer", name = new string('n', 100_000) });
        await ProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge, "body");
        using var tooLong = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "viewer", name = new string('n', ApiTokens.MaxNameLength + 1) });
        await ProblemAsync(tooLong, HttpStatusCode.BadRequest, "name");
        using var control = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "viewer", name = "ci\nAuthorization: x" });
        await ProblemAsync(control, HttpStatusCode.BadRequest, "name");
        using var invisible = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "viewer", name = "ci\u202Etxt.exe" });
        await ProblemAsync(invisible, HttpStatusCode.BadRequest, "name");
        Assert.Equal(before, limits.Host.Services.GetRequiredService<ApiTokens>().All.Count);

        using var longest = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "viewer", name = new string('名', ApiTokens.MaxNameLength) });
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
    }

    [Fact]
    public async Task Password_Over256Characters_Is400()
    {
        using var admin = limits.Api("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users/viewer/password", new { password = new string('p', 257) });
        await ProblemAsync(response, HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task DecisionReason_Over500Characters_Is400()
    {
        using var api = limits.Api("operator");
        using var response = await api.PostAsJsonAsync("/api/v1/accounts/dh-gov/decisions", new { action = "confirm", reason = new string('理', 501) });
        await ProblemAsync(response, HttpStatusCode.BadRequest, "reason");
        Assert.Empty(await limits.Host.Services.GetRequiredService<IDecisionStore>().GetDecisionsAsync("dh-gov", CancellationToken.None));
    }

    [Fact]
    public async Task AlertNote_Over500Characters_Is400Page()
    {
        using var page = await limits.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        using var response = await WorkplaceHost.PostFormAsync(page, "/alerts/bulk", new() { ["action"] = "note", ["text"] = new string('注', 501) }, "/alerts");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text: at most 500 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string, object, string> RefusedCompletions => new()
    {
        { "the head, which owes no task", new { accountId = Head, evidence = "https://example.gov.cn/a.html" }, "accountId" },
        { "an evidence link over 2,048 characters", new { accountId = "dh-gov", evidence = "https://example.gov.cn/" + new string('a', 2048) }, "evidence" },
        { "a completion next year", new { accountId = "dh-gov", evidence = "https://example.gov.cn/a.html", completedAt = DateTimeOffset.UtcNow.AddYears(1) }, "completedAt" },
        { "a note over 500 characters", new { accountId = "dh-gov", evidence = "https://example.gov.cn/a.html", note = new string('注', 501) }, "note" },
    };

    [Theory]
    [MemberData(nameof(RefusedCompletions))]
    public async Task RefusedManualCompletion_Is400ProblemNamingTheField(string why, object body, string field)
    {
        using var api = limits.Api("operator");
        using var response = await api.PostAsJsonAsync($"/api/v1/tasks/{LimitsHost.TaskId}/completions", body);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: no error for {field}");
        Assert.Empty(await limits.Host.Services.GetRequiredService<ITaskStore>().GetManualCompletionsAsync(null, CancellationToken.None));
    }
}
