using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Reliability A1, A2, A5, A6 and A8 against the real host.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class AccessTests(DemoWorkplace demo)
{
    private WorkplaceHost Host => demo.Host;

    // Reachable without login, by design (issue 5): the login form, health, metrics, the CSS/JS the login form needs.
    private static readonly string[] AllowList = ["/login", "/healthz", "/readyz", "/metrics", "/static/"];

    private static readonly string[] Unsafe = ["POST", "PUT", "PATCH", "DELETE"];

    private List<(string Method, string Path)> Endpoints()
    {
        var source = Host.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<(string, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart pp => pp.Name == "name" && endpoint.RoutePattern.RawText!.Contains("static", StringComparison.Ordinal) ? "app.css" : "dh-gov",
                _ => "",
            }))));
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            list.AddRange(methods.Select(m => (m, path)));
        }

        Assert.True(list.Count > 15, "the endpoint list looks too short to be the app's");
        return list;
    }

    private static bool Allowed(string path) => AllowList.Any(a => a.EndsWith('/') ? path.StartsWith(a, StringComparison.Ordinal) : path == a);

    [Fact]
    public async Task A1_EveryEndpointCalledAnonymously_Is401OrRedirectToLogin_ExceptTheAllowList()
    {
        using var anonymous = Host.Client();
        foreach (var (method, path) in Endpoints().Where(e => !Allowed(e.Path)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET")
            {
                request.Content = JsonContent.Create(new { });
            }

            using var response = await anonymous.SendAsync(request);
            var ok = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal));
            Assert.True(ok, $"{method} {path} answered {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task A1_AViewer_Gets403OnEveryUnsafeMethod_ByCookieAndByToken()
    {
        using var viewer = await Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var csrf = WorkplaceHost.TokenIn(await viewer.GetStringAsync("/"));
        var token = Host.Services.GetRequiredService<ApiTokens>().Issue("viewer", "a1").Secret;
        using var bearer = Host.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Logging in and out are the only writes a viewer may make.
        foreach (var (method, path) in Endpoints().Where(e => Unsafe.Contains(e.Method) && e.Path is not "/login" and not "/logout"))
        {
            foreach (var client in new[] { viewer, bearer })
            {
                // A well-formed request of each kind, so the answer is about the role and not the body.
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = path.StartsWith("/api/", StringComparison.Ordinal) ? JsonContent.Create(new { }) : new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = csrf }),
                };
                request.Headers.Add("X-CSRF-Token", csrf);
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode} to a viewer");
            }
        }

        var page = await viewer.GetStringAsync("/tasks");
        Assert.DoesNotContain("action=\"/tasks\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A2_FormPostWithoutOrWithAnotherSessionsToken_Is400_AndCookiesAreHttpOnlyAndSameSite()
    {
        using var op = await Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        var form = new Dictionary<string, string> { ["title"] = "无令牌", ["hours"] = "24" };
        using (var none = await op.PostAsync("/tasks", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        }

        using var other = await Host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        var foreign = WorkplaceHost.TokenIn(await other.GetStringAsync("/tasks"));
        using (var stolen = await op.PostAsync("/tasks", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__csrf"] = foreign })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        }

        using var fresh = Host.Client();
        using var login = await WorkplaceHost.PostFormAsync(fresh, "/login", new() { ["username"] = "viewer", ["password"] = WorkplaceHost.ViewerPassword });
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mm_auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", auth, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", auth, StringComparison.Ordinal); // plain http here; behind TLS see A7's test
    }

    [Fact]
    public async Task A5_PasswordChangedOrUserDisabled_OtherSessionIsRejectedAtOnce()
    {
        var users = Host.Services.GetRequiredService<UserDirectory>();
        var changed = "a5-" + Guid.NewGuid().ToString("N")[..6];
        var disabled = "a5-" + Guid.NewGuid().ToString("N")[..6];
        users.Add(changed, Role.Operator, "first-password-1");
        users.Add(disabled, Role.Viewer, "first-password-1");
        using var session = await Host.LogInAsync(changed, "first-password-1");
        using var other = await Host.LogInAsync(disabled, "first-password-1");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/accounts")).StatusCode);

        using var admin = await AdminApiAsync();
        using (var change = await admin.PostAsJsonAsync($"/api/v1/admin/users/{changed}/password", new { password = "second-password-2" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        using (var disable = await admin.PostAsync($"/api/v1/admin/users/{disabled}/disable", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        }

        using var after = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/accounts")).StatusCode);
    }

    [Fact]
    public async Task A6_ApiToken_IsShownOnce_StoredHashed_RevocableAtOnce()
    {
        using var admin = await AdminApiAsync();
        using var issued = await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { user = "operator", name = "ci" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetString()!;

        var listed = await admin.GetStringAsync("/api/v1/admin/tokens");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var kept = Host.Services.GetRequiredService<ApiTokens>().All.Single(t => t.Id == id);
        Assert.Equal(ApiTokens.Sha256(secret), kept.Hash);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(Host.Services.GetRequiredService<ApiTokens>().All), StringComparison.Ordinal);

        using var robot = Host.Client();
        robot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await robot.GetAsync("/api/v1/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await robot.GetAsync("/api/v1/accounts")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/tasks?lang=en", "/tasks?lang=en")]
    public async Task A8_OnlyLocalReturnUrlsAreFollowed(string returnUrl, string expected)
    {
        using var client = Host.Client();
        using var login = await WorkplaceHost.PostFormAsync(client, "/login",
            new() { ["username"] = "admin", ["password"] = WorkplaceHost.AdminPassword, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(expected, login.Headers.Location!.ToString());
        var form = await client.GetStringAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.DoesNotContain("evil.example", form, StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdminApiAsync()
    {
        var secret = Host.Services.GetRequiredService<ApiTokens>().Issue("admin", "test").Secret;
        var client = Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
