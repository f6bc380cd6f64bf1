using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.Access;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>A task created through the API is an operator's record: a restarted host over the same Redis still lists it.
/// Two hosts in turn, so it owns its simulator rather than sharing the demo workplace.</summary>
[Collection(RedisCollection.Name)]
public sealed class TaskPersistenceTests(RedisServer redis)
{
    private static HttpClient Client(WorkplaceHost host, string user)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Services.GetRequiredService<ApiTokens>().Issue(user, "task-test").Secret);
        return client;
    }

    [Fact]
    public async Task CreatedTask_IsListedByANewHostOverTheSameRedis()
    {
        var prefix = $"mmtest-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?> { ["Store:Kind"] = "redis", ["Redis:Configuration"] = redis.EndPoint, ["Store:KeyPrefix"] = prefix };
        await using var simulator = await DemoSimulator.StartAsync();
        try
        {
            string id;
            await using (var first = await WorkplaceHost.StartAsync(simulator.ConfigPath, settings))
            {
                using var api = Client(first, "operator");
                using var created = await api.PostAsJsonAsync("/api/v1/tasks", new { title = "转发：重启后仍在的任务", hours = 48 });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }

            await using var second = await WorkplaceHost.StartAsync(simulator.ConfigPath, settings);
            using var viewer = Client(second, "viewer");
            var page = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/tasks?pageSize=500");
            var task = page.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
            Assert.Equal("转发：重启后仍在的任务", task.GetProperty("title").GetString());
            using var completions = await viewer.GetAsync($"/api/v1/tasks/{id}/completions");
            Assert.Equal(HttpStatusCode.OK, completions.StatusCode);
        }
        finally
        {
            var db = redis.Connection.GetDatabase();
            await foreach (var key in redis.Connection.GetServers().Single().KeysAsync(pattern: new RedisKeys(prefix).AllKeysPattern))
                await db.KeyDeleteAsync(key);
        }
    }
}
