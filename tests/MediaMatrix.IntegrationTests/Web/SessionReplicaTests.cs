using System.Net;
using System.Text.RegularExpressions;
using MediaMatrix.IntegrationTests.Digest;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Reliability H5 (issue 16): logout ends the session server-side. Two real <c>mediamatrix serve</c>
/// processes on one Redis: a session cookie from a login on A works on B; after logout on A, a copy of that cookie
/// is refused on both, on its very next request (no cache to wait out).</summary>
[Collection(RedisCollection.Name)]
public sealed partial class SessionReplicaTests(RedisServer redis) : IAsyncLifetime
{
    private const string Password = "h5-admin-pass";
    private readonly string prefix = $"mmtest-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync($"{prefix}:*");

    [Fact]
    public async Task H5_CopiedCookieAfterLogoutOnA_IsRefusedOnAAndOnB()
    {
        var environment = new Dictionary<string, string>
        {
            ["Store__Kind"] = "redis",
            ["Store__KeyPrefix"] = prefix,
            ["Redis__Configuration"] = redis.EndPoint,
            ["Matrix__Config"] = DigestMatrix.Write(contacts: 1),
            ["Urls"] = "http://127.0.0.1:0",
            ["Digest__DueAfter"] = "7.00:00:00",
            ["Auth__AdminPassword"] = Password,
        };
        await using var nodeA = CliProcess.Start(environment, "serve");
        await using var nodeB = CliProcess.Start(environment, "serve");
        var a = await nodeA.WaitForServingUrlAsync(TimeSpan.FromSeconds(60));
        var b = await nodeB.WaitForServingUrlAsync(TimeSpan.FromSeconds(60));

        // The browser that logs in and out on A.
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var form = await browser.GetStringAsync($"{a}/login");
        using (var login = await browser.PostAsync($"{a}/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin",
            ["password"] = Password,
            ["__csrf"] = CsrfToken().Match(form).Groups[1].Value,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var copied = jar.GetCookies(new Uri(a))["mm_auth"]?.Value;
        Assert.False(string.IsNullOrEmpty(copied), "login set the auth cookie");

        // Someone else holding a copy of the cookie, on either replica.
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(thief, $"{a}/api/v1/alerts", copied!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(thief, $"{b}/api/v1/alerts", copied!)).StatusCode);

        // Log out on A, the way the page's button does (its form carries this session's antiforgery token).
        var page = await browser.GetStringAsync($"{a}/login");
        using (var logout = await browser.PostAsync($"{a}/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = CsrfToken().Match(page).Groups[1].Value,
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(thief, $"{a}/api/v1/alerts", copied!)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(thief, $"{b}/api/v1/alerts", copied!)).StatusCode);
        using var pageOnB = await WithCookieAsync(thief, $"{b}/alerts", copied!);
        Assert.Equal(HttpStatusCode.Redirect, pageOnB.StatusCode);
        Assert.StartsWith("/login", pageOnB.Headers.Location?.OriginalString.Replace(b, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> WithCookieAsync(HttpClient client, string url, string authCookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"mm_auth={authCookie}");
        return client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
