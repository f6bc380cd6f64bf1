using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.Access;
using MediaMatrix.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>
/// Issue 16 point 6: with the store's redis-server killed, pages and API answer 503 with a body that says so (a problem
/// for the API, a short page in both languages for a browser) and <c>Retry-After</c>; never 500. The test owns the
/// redis-server it kills.
/// </summary>
public sealed class StoreOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RedisDown_PagesAndApiAnswer503WithAProblemOrPage_AndRetryAfter()
    {
        await using var redis = await RedisInstance.StartAsync();
        await using var simulator = await DemoSimulator.StartAsync();
        await using var host = await WorkplaceHost.StartAsync(simulator.ConfigPath, new Dictionary<string, string?>
        {
            ["Store:Kind"] = "redis",
            ["Redis:Configuration"] = redis.EndPoint,
            ["Store:KeyPrefix"] = $"mmoutage-{Guid.NewGuid():N}",
            ["Web:ReportMaxAge"] = "00:00:00",
        });
        using var browser = await host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var api = host.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Services.GetRequiredService<ApiTokens>().Issue("operator", "outage-test").Secret);

        // Up: the same routes answer.
        using (var up = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        await redis.KillAsync();
        await WaitForNotReadyAsync(api);

        foreach (var path in (string[])["/", "/tasks", "/alerts", "/cleanup", "/accounts/dh-gov"])
        {
            using var page = await browser.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"GET {path} answered {(int)page.StatusCode}: {html[..Math.Min(300, html.Length)]}");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("数据存储暂时无法访问", html, StringComparison.Ordinal);
            Assert.Contains("The data store is unavailable", html, StringComparison.Ordinal);
            AssertRetryAfter(page);
        }

        var calls = new (string Path, HttpContent? Body)[]
        {
            ("/api/v1/report", null),
            ("/api/v1/accounts", null),
            ("/api/v1/tasks", null),
            ("/api/v1/alerts", null),
            ("/api/v1/tasks", JsonContent.Create(new { title = "转发：存储中断时", hours = 24 })),
        };
        foreach (var (path, body) in calls)
        {
            using var response = body is null ? await api.GetAsync(path) : await api.PostAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"{(body is null ? "GET" : "POST")} {path}";
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what} answered {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Contains("store", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
            AssertRetryAfter(response);
        }
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta;
        Assert.True(seconds is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
    }

    /// <summary>The client may need a moment to notice the connection is gone; /readyz says when it has.</summary>
    private static async Task WaitForNotReadyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var ready = await client.GetAsync("/readyz");
            if (ready.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return;
            }

            Assert.True(clock.Elapsed < Patience, "/readyz still ready 30 s after redis-server was killed");
            await Task.Delay(100);
        }
    }
}
