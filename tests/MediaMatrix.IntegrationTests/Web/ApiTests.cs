using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.Access;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The JSON API: its OpenAPI document, paging, problem details, and bad input named by field.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class ApiTests(DemoWorkplace demo)
{
    private HttpClient Client(string user)
    {
        var client = demo.Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.Host.Services.GetRequiredService<ApiTokens>().Issue(user, "api-test").Secret);
        return client;
    }

    [Fact]
    public async Task OpenApiDocument_IsServed_AndNamesTheRoutes()
    {
        using var api = Client("viewer");
        var document = await api.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/accounts", paths);
        Assert.Contains("/api/v1/alerts", paths);
        Assert.Contains("/api/v1/tasks", paths);
    }

    [Fact]
    public async Task Accounts_ArePaged()
    {
        using var api = Client("viewer");
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts?page=2&pageSize=5");
        Assert.Equal(21, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/accounts?pageSize=0", "pageSize")]
    [InlineData("/api/v1/accounts?page=x", "page")]
    [InlineData("/api/v1/accounts?verdict=maybe", "verdict")]
    [InlineData("/api/v1/accounts/dh-gov/posts?days=-1", "days")]
    [InlineData("/api/v1/alerts?status=sleeping", "status")]
    public async Task BadQuery_Is400ProblemNamingTheField(string path, string field)
    {
        using var api = Client("viewer");
        using var response = await api.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task BadTaskAndDecision_Are400NamingTheField_UnknownIs404Problem()
    {
        using var api = Client("operator");
        using var noTitle = await api.PostAsJsonAsync("/api/v1/tasks", new { title = "", hours = 24 });
        Assert.True((await noTitle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        using var badLink = await api.PostAsJsonAsync("/api/v1/tasks", new { title = "转发", link = "javascript:alert(1)", hours = 24 });
        Assert.True((await badLink.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("link", out _));
        using var created = await api.PostAsJsonAsync("/api/v1/tasks", new { title = "转发：API 任务", hours = 24 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var evidence = await api.PostAsJsonAsync($"/api/v1/tasks/{task.GetProperty("id").GetString()}/completions", new { accountId = "dh-gov", evidence = "data:text/html,x" });
        Assert.True((await evidence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("evidence", out _));
        using var decision = await api.PostAsJsonAsync("/api/v1/accounts/dh-yjgl/decisions", new { action = "override", kind = "retain" });
        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        using var missing = await api.GetAsync("/api/v1/accounts/no-such");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }
}
