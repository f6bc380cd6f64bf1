using MediaMatrix.Digest;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>Exactly once per recipient per ISO week across replicas and restarts, over a real Redis.
/// E1 runs two in-process nodes with independent service providers and Redis connections (as two replicas would be);
/// E2 kills a real <c>mediamatrix digest --send-now</c> process with SIGKILL and starts another.</summary>
[Collection(RedisCollection.Name)]
public sealed class DigestExactlyOnceTests(RedisServer redis) : IAsyncLifetime
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly string prefix = $"mmtest-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await smtp.DisposeAsync();
        var db = redis.Connection.GetDatabase();
        await foreach (var key in redis.Connection.GetServers().Single().KeysAsync(pattern: $"{prefix}:*"))
            await db.KeyDeleteAsync(key);
    }

    private Dictionary<string, string?> RedisSettings() => new()
    {
        ["Store:Kind"] = "redis",
        ["Store:KeyPrefix"] = prefix,
        ["Redis:Configuration"] = redis.EndPoint,
    };

    [Fact]
    public async Task E1_TwoNodesTriggeringTheSameWeek100Times_SendExactlyOneMessagePerRecipient()
    {
        var config = DigestMatrix.Write(contacts: 5);
        await using var node1 = new DigestNode(config, smtp.Port, RedisSettings());
        await using var node2 = new DigestNode(config, smtp.Port, RedisSettings());

        // 100 triggers, 50 per node, 16 in flight at a time (a 2-core box shared with other builds): the same week, the same recipients.
        var results = new DigestRunResult[100];
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => results[i] = await (i % 2 == 0 ? node1 : node2).Digest.SendAsync(ct));

        Assert.Equal(6, results.Sum(r => r.Sent));
        Assert.Equal(0, results.Sum(r => r.Unknown + r.StillRetrying + r.FailedPermanent));
        Assert.Equal(DigestMatrix.AllRecipients(5).Order(), smtp.Received.Select(m => m.Recipient).Order());
        var deliveries = await node1.Store.GetDigestDeliveriesAsync(results[0].WeekKey, CancellationToken.None);
        Assert.All(deliveries, d => Assert.Equal(DigestDeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task E2_KilledAfter40PercentOfRecipients_RestSentAfterRestart_NoneSkipped_NoneTwice()
    {
        var config = DigestMatrix.Write(contacts: 9); // 10 recipients: the office and 9 contacts
        smtp.HoldGreetingsAfter = 4;
        var environment = new Dictionary<string, string>
        {
            ["Store__Kind"] = "redis",
            ["Store__KeyPrefix"] = prefix,
            ["Redis__Configuration"] = redis.EndPoint,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__From"] = "noreply@dinghai.example.gov.cn",
            ["Digest__ClaimLease"] = "00:00:02",
        };

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
