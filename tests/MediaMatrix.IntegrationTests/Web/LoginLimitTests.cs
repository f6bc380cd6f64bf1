using System.Net;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Reliability A3 (rate limit per address, lockout per account) and A7 (X-Forwarded-For believed only from configured proxies).
/// Each test owns a host: the limits are per process.</summary>
public sealed class LoginLimitTests
{
    private static async Task<HttpStatusCode> TryAsync(HttpClient client, string csrf, string user, string password, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password, ["__csrf"] = csrf }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A3_ThirtyWrongPasswordsInAMinute_Get429PastTheLimit_AndSixAgainstOneAccountLockIt()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        await using var host = await WorkplaceHost.StartAsync(simulator.ConfigPath);
        using var client = host.Client();
        var csrf = WorkplaceHost.TokenIn(await client.GetStringAsync("/login"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add(await TryAsync(client, csrf, $"nobody{i}", "wrong"));
        }

        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Skip(20), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));

        await using var second = await WorkplaceHost.StartAsync(simulator.ConfigPath);
        using var other = second.Client();
        csrf = WorkplaceHost.TokenIn(await other.GetStringAsync("/login"));
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(other, csrf, "operator", "wrong-" + i);
        }

        // The sixth attempt, with the right password, still finds the account locked.
        Assert.Equal(HttpStatusCode.Locked, await TryAsync(other, csrf, "operator", WorkplaceHost.OperatorPassword));
        Assert.Equal(HttpStatusCode.Redirect, await TryAsync(other, csrf, "viewer", WorkplaceHost.ViewerPassword));
    }

    [Fact]
    public async Task A7_SpoofedForwardedFor_IsIgnoredUnlessFromAConfiguredProxy()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        await using (var untrusting = await WorkplaceHost.StartAsync(simulator.ConfigPath, new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = "5" }))
        {
            using var client = untrusting.Client();
            var csrf = WorkplaceHost.TokenIn(await client.GetStringAsync("/login"));
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                answers.Add(await TryAsync(client, csrf, "x", "wrong", forwardedFor: $"203.0.113.{i}"));
            }

            // A new X-Forwarded-For per request would dodge a per-address limit if it were believed.
            Assert.Equal(3, answers.Count(a => a == HttpStatusCode.TooManyRequests));
            using var metrics = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "127.0.0.1" } } });
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }

        await using var behindProxy = await WorkplaceHost.StartAsync(simulator.ConfigPath, new Dictionary<string, string?>
        {
            ["Auth:LoginAttemptsPerMinute"] = "5",
            ["Auth:TrustedProxies:0"] = "127.0.0.1",
        });
        using var proxied = behindProxy.Client();
        var token = WorkplaceHost.TokenIn(await proxied.GetStringAsync("/login"));
        for (var i = 0; i < 8; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await TryAsync(proxied, token, "x", "wrong", forwardedFor: $"203.0.113.{i}"));
        }

        // Behind a TLS-terminating proxy the session cookie is Secure (reliability A2).
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "viewer", ["password"] = WorkplaceHost.ViewerPassword, ["__csrf"] = token }),
            Headers = { { "X-Forwarded-For", "198.51.100.7" }, { "X-Forwarded-Proto", "https" } },
        };
        using var response = await proxied.SendAsync(login);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mm_auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
    }
}
