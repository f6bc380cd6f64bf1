using System.Net;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Issue 16 point 6: a 429 says when to come back (<c>Retry-After</c>) and why, as a page for a browser and a
/// problem body otherwise. Owns its host: the login limit is per process.</summary>
public sealed class RateLimitRefusalTests
{
    [Fact]
    public async Task LoginPastTheLimit_Is429WithRetryAfterWithinTheWindow_AndABody()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        await using var host = await WorkplaceHost.StartAsync(simulator.ConfigPath, new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = "2" });
        using var client = host.Client();
        var csrf = WorkplaceHost.TokenIn(await client.GetStringAsync("/login"));

        async Task<HttpResponseMessage> LogInAsync(string accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "x", ["password"] = "wrong", ["__csrf"] = csrf }),
            };
            request.Headers.Accept.ParseAdd(accept);
            return await client.SendAsync(request);
        }

        // Two allowed a minute, so the third is refused; a few more tries only in case the one-minute window turned over
        // between them (the limiter's windows run on its own clock), which would allow two more.
        async Task<HttpResponseMessage> FirstRefusalAsync(string accept)
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await LogInAsync(accept);
                if (response.StatusCode == HttpStatusCode.TooManyRequests || attempt == 6)
                {
                    return response;
                }

                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                response.Dispose();
            }
        }

        using var page = await FirstRefusalAsync("text/html");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {page.Headers.RetryAfter}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("尝试次数过多", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var script = await FirstRefusalAsync("application/json");
        Assert.Equal(HttpStatusCode.TooManyRequests, script.StatusCode);
        Assert.True(script.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {script.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
    }
}
