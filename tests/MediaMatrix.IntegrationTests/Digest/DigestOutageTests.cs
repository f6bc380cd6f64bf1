using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MediaMatrix.Access;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>Reliability H4 (issue 16): the SMTP server dies in the middle of a digest sent through a real
/// <c>mediamatrix serve</c> on Redis. The admin call answers at once with what it sent and queued; the recipients reached
/// before the server went away have it once; the outbox delivers the rest, once each, when the server is back.</summary>
[Collection(RedisCollection.Name)]
public sealed class DigestOutageTests(RedisServer redis, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly LoopbackSmtpServer smtp = new(restartable: true);
    private readonly string prefix = $"mmtest-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await smtp.DisposeAsync();
        await redis.DeleteKeysAsync($"{prefix}:*");
    }

    [Fact]
    public async Task H4_SmtpDiesMidDigest_CallReturnsAtOnce_ReachedOnesGetItOnce_OutboxDeliversTheRestOnceWhenItIsBack()
    {
        var config = DigestMatrix.Write(contacts: 5); // 6 recipients: the office and 5 contacts
        var adminToken = $"mmt_h4-admin-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string>
        {
            ["Store__Kind"] = "redis",
            ["Store__KeyPrefix"] = prefix,
            ["Redis__Configuration"] = redis.EndPoint,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__From"] = "noreply@dinghai.example.gov.cn",
            ["Matrix__Config"] = config,
            ["Urls"] = "http://127.0.0.1:0",
            ["Digest__DueAfter"] = "7.00:00:00", // the weekly job stays out: the admin call is the only sender
            // The production back-off (30 s doubling to 5 min) scaled down, with attempts enough to outlast the outage.
            ["Digest__RetryDelay"] = "00:00:00.200",
            ["Digest__MaxRetryDelay"] = "00:00:00.500",
            ["Digest__MaxAttempts"] = "100",
            ["Auth__AdminPassword"] = "h4-admin-pass",
            ["Auth__Tokens__0__Name"] = "h4 admin",
            ["Auth__Tokens__0__User"] = "admin",
            ["Auth__Tokens__0__Sha256"] = ApiTokens.Sha256(adminToken),
        };
        await using var node = CliProcess.Start(environment, "serve");
        var url = await node.WaitForServingUrlAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        // Warm up: the send starts with the same inspection the report runs, so the timing below is the delivery's.
        (await http.GetAsync($"{url}/api/v1/report")).EnsureSuccessStatusCode();

        smtp.StopListeningAfter = 2; // the server goes away after the second message: the port is closed
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"{url}/api/v1/admin/digest/send", null);
        var took = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<RunResult>())!;
        Assert.True(took < TimeSpan.FromSeconds(5), $"the call took {took}");
        Assert.Equal((6, 2, 4, 0, 0), (result.Recipients, result.Sent, result.Queued, result.FailedPermanent, result.Unknown));
        Assert.True(smtp.IsDown);
        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(2, smtp.Acknowledged.Select(m => m.Recipient).Distinct().Count());

        // The outbox keeps trying while the server is down (attempts counted in the store), and none of them reaches it.
        var store = new RedisDigestStore(redis.Connection, new StoreOptions { KeyPrefix = prefix });
        await UntilAsync(async () => (await store.GetDigestDeliveriesAsync(result.WeekKey, CancellationToken.None))
            .Count(d => d is { State: DigestDeliveryState.Retrying, Attempts: >= 3 }) == 4, TimeSpan.FromSeconds(60));
        Assert.Equal(2, smtp.Received.Count);

        smtp.ListenAgain();
        await smtp.WaitForAsync(s => s.Acknowledged.Count == 6, TimeSpan.FromSeconds(60));
        await UntilAsync(async () => (await store.GetDigestDeliveriesAsync(result.WeekKey, CancellationToken.None))
            .Count(d => d.State == DigestDeliveryState.Sent) == 6, TimeSpan.FromSeconds(30));

        // Every record is settled, so nothing can be sent again: each recipient got exactly one message.
        Assert.Equal(DigestMatrix.AllRecipients(5).Order(), smtp.Received.Select(m => m.Recipient).Order());
        var records = await store.GetDigestDeliveriesAsync(result.WeekKey, CancellationToken.None);
        output.WriteLine($"H4: call answered in {took.TotalMilliseconds:F0} ms (sent {result.Sent}, queued {result.Queued}); " +
            $"attempts per recipient: {string.Join(", ", records.OrderBy(r => r.Recipient, StringComparer.Ordinal).Select(r => r.Attempts))}");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"condition not met in {timeout}");
            await Task.Delay(50);
        }
    }

    private sealed record RunResult(string WeekKey, int Recipients, int Sent, int Queued, int Skipped, int FailedPermanent, int Unknown, int StillRetrying);
}
