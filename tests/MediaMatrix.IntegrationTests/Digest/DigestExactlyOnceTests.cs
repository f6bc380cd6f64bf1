using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MediaMatrix.Access;
using MediaMatrix.Digest;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>Exactly once per recipient per ISO week across replicas and restarts, over a real Redis and SMTP on loopback.
/// E1 runs two real <c>mediamatrix serve</c> processes and sends the week's digest through each one's admin API 50 times at once;
/// E2 kills a real <c>mediamatrix digest --send-now</c> process with SIGKILL and starts another.</summary>
[Collection(RedisCollection.Name)]
public sealed class DigestExactlyOnceTests(RedisServer redis, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly string prefix = $"mmtest-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await smtp.DisposeAsync();
        await redis.DeleteKeysAsync($"{prefix}:*");
    }

    [Fact]
    public async Task E1_TwoNodesTriggeringTheSameWeek100Times_SendExactlyOneMessagePerRecipient()
    {
        var config = DigestMatrix.Write(contacts: 5); // 6 recipients: the office and 5 contacts
        var adminToken = $"mmt_e1-admin-{Guid.NewGuid():N}";
        var viewerToken = $"mmt_e1-viewer-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string>(SmtpAndRedis())
        {
            ["Matrix__Config"] = config,
            ["Urls"] = "http://127.0.0.1:0",
            // The weekly job (its catch-up fires at start-up) is kept out: never due this week. The 100 calls below are
            // then the only senders, and what they report must add up to the recipients.
            ["Digest__DueAfter"] = "7.00:00:00",
            ["Auth__AdminPassword"] = "e1-admin-pass",
            ["Auth__Users__0__Name"] = "watcher",
            ["Auth__Users__0__Role"] = "viewer",
            ["Auth__Tokens__0__Name"] = "e1 admin",
            ["Auth__Tokens__0__User"] = "admin",
            ["Auth__Tokens__0__Sha256"] = ApiTokens.Sha256(adminToken),
            ["Auth__Tokens__1__Name"] = "e1 viewer",
            ["Auth__Tokens__1__User"] = "watcher",
            ["Auth__Tokens__1__Sha256"] = ApiTokens.Sha256(viewerToken),
        };
        await using var node1 = CliProcess.Start(environment, "serve");
        await using var node2 = CliProcess.Start(environment, "serve");
        string[] urls = [await node1.WaitForServingUrlAsync(TimeSpan.FromSeconds(60)), await node2.WaitForServingUrlAsync(TimeSpan.FromSeconds(60))];
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        // Admin only: nobody else may make the county's mail go out.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendNowAsync(http, urls[0], null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendNowAsync(http, urls[0], viewerToken)).StatusCode);
        Assert.Empty(smtp.Received);
        foreach (var url in urls)
        {
            // Warm both up (the report runs the same inspection a send starts with), so neither process has a head start.
            using var report = new HttpRequestMessage(HttpMethod.Get, $"{url}/api/v1/report") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", adminToken) } };
            (await http.SendAsync(report)).EnsureSuccessStatusCode();
        }

        // 100 triggers of the same week, 50 on each process, all in flight at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => SendNowAsync(http, urls[i % 2], adminToken)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var results = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<SendNowResult>()));

        var week = Assert.Single(results.Select(r => r!.WeekKey).Distinct());
        Assert.Equal(6, results.Sum(r => r!.Sent));
        Assert.Equal(0, results.Sum(r => r!.Unknown + r.StillRetrying + r.FailedPermanent));
        Assert.Equal(DigestMatrix.AllRecipients(5).Order(), smtp.Received.Select(m => m.Recipient).Order());
        Assert.Equal(DigestMatrix.AllRecipients(5).Order(), smtp.Acknowledged.Select(m => m.Recipient).Order());
        var deliveries = await new RedisDigestStore(redis.Connection, new StoreOptions { KeyPrefix = prefix }).GetDigestDeliveriesAsync(week, CancellationToken.None);
        Assert.Equal(DigestMatrix.AllRecipients(5).Order(), deliveries.Select(d => d.Recipient).Order());
        Assert.All(deliveries, d => Assert.Equal(DigestDeliveryState.Sent, d.State));
        output.WriteLine($"E1: 100 sends over 2 serve processes → {smtp.Received.Count} messages to 6 recipients; sent by calls on " +
            $"{string.Join(" and ", Enumerable.Range(0, 2).Select(n => $"node {n + 1}: {results.Where((_, i) => i % 2 == n).Sum(r => r!.Sent)}"))}");
    }

    private static async Task<HttpResponseMessage> SendNowAsync(HttpClient http, string baseUrl, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/v1/admin/digest/send");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private Dictionary<string, string> SmtpAndRedis() => new()
    {
        ["Store__Kind"] = "redis",
        ["Store__KeyPrefix"] = prefix,
        ["Redis__Configuration"] = redis.EndPoint,
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp__From"] = "noreply@dinghai.example.gov.cn",
    };

    private sealed record SendNowResult(string WeekKey, int Recipients, int Sent, int Skipped, int FailedPermanent, int Unknown, int StillRetrying);

    [Fact]
    public async Task E2_KilledAfter40PercentOfRecipients_RestSentAfterRestart_NoneSkipped_NoneTwice()
    {
        var config = DigestMatrix.Write(contacts: 9); // 10 recipients: the office and 9 contacts
        smtp.HoldGreetingsAfter = 4;
        var environment = new Dictionary<string, string>(SmtpAndRedis()) { ["Digest__ClaimLease"] = "00:00:02" };

        var first = CliProcess.Start(environment, "digest", "--config", config, "--send-now");
        try
        {
            // 4 of 10 delivered, the 5th connection waiting for a greeting the server holds back: kill -9 now.
            await smtp.WaitForAsync(s => s.Acknowledged.Count == 4 && s.Connections >= 5, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await first.DisposeAsync(); // Process.Kill: SIGKILL, no clean-up runs
        }

        smtp.HoldGreetingsAfter = null;
        smtp.ReleaseGreetings();

        // The killed process held the 5th recipient's claim; its lease runs out on its own (no one releases it).
        var db = redis.Connection.GetDatabase();
        var keys = new RedisKeys(prefix);
        var week = IsoWeek.KeyOf(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await smtp.WaitForAsync(_ => DigestMatrix.AllRecipients(9).All(r => !db.KeyExists(keys.DigestClaim(week, r))), TimeSpan.FromSeconds(30));

        var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromSeconds(120), environment, "digest", "--config", config, "--send-now");

        Assert.True(exit == 0, $"{stdout}\n{stderr}");
        Assert.Equal(DigestMatrix.AllRecipients(9).Order(), smtp.Acknowledged.Select(m => m.Recipient).Order());
    }
}
