using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary>
/// The spine end to end: the real binary reads the demo matrix, polls the simulator over real HTTP,
/// stores posts (in process, or in the real redis-server) and prints the report.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class CheckCommandTests(RedisServer redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Check_DemoMatrix_PrintsTheStableJsonShape()
    {
        await using var simulator = await DemoSimulator.StartAsync();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, "check", "--config", simulator.ConfigPath, "--format", "json");

        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        Assert.True(root.TryGetProperty("evaluatedAt", out _));
        var summary = root.GetProperty("summary");
        foreach (var field in new[] { "checked", "qualified", "unqualified", "unknown", "passRate" })
        {
            Assert.True(summary.TryGetProperty(field, out _), $"summary.{field} missing");
        }

        var accounts = root.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(21, summary.GetProperty("checked").GetInt32());
        Assert.Equal(21, accounts.Count);
        foreach (var field in new[] { "id", "name", "verdict", "score", "lastPostAt", "postsLast7d", "postsLast14d", "postsLast30d", "reasons" })
        {
            Assert.All(accounts, a => Assert.True(a.TryGetProperty(field, out _), $"accounts[].{field} missing"));
        }

        // Progress goes to stderr, one line per account, so stdout stays parseable.
        Assert.Contains("[21/21]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ZombieIsUnqualifiedWithTheTwoWeekReason_AndTheDownSiteIsUnknown()
    {
        await using var simulator = await DemoSimulator.StartAsync();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, "check", "--config", simulator.ConfigPath);

        Assert.True(exit == 0, stderr);
        var accounts = Accounts(stdout);
        var zombie = accounts["dh-yjgl"];
        Assert.Equal("unqualified", zombie.GetProperty("verdict").GetString());
        var reason = zombie.GetProperty("reasons")[0];
        Assert.Equal("veto-no-update", reason.GetProperty("code").GetString());
        Assert.Contains("14天内无更新", reason.GetProperty("zh").GetString(), StringComparison.Ordinal);

        // The site that answers 503 must never read as "did not update".
        var down = accounts["dh-sthj"];
        Assert.Equal("unknown", down.GetProperty("verdict").GetString());
        Assert.Contains("503", down.GetProperty("reasons")[0].GetProperty("en").GetString(), StringComparison.Ordinal);

        Assert.Equal("qualified", accounts["dinghaishan"].GetProperty("verdict").GetString());
        Assert.Equal("unqualified", accounts["dh-zj"].GetProperty("verdict").GetString());
        Assert.Equal("qualified", accounts["dh-hrss-web"].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Check_WithRedisStore_KeepsPostsInRedisAndAgreesWithMemory()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        var prefix = $"check-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string> { ["Store__KeyPrefix"] = prefix };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, environment, "check", "--config", simulator.ConfigPath,
            "--store", "redis", "--redis", redis.EndPoint, "--now", "2030-01-01T00:00:00+08:00");
        var accounts = Accounts(stdout);

        Assert.True(exit == 0, stderr);
        // Evaluated years after the posts: every readable account is vetoed, the down one stays unknown.
        Assert.Equal("unknown", accounts["dh-sthj"].GetProperty("verdict").GetString());
        Assert.All(accounts.Where(a => a.Key != "dh-sthj"), a => Assert.NotEqual("qualified", a.Value.GetProperty("verdict").GetString()));
        var server = redis.Connection.GetServers()[0];
        var keys = server.Keys(pattern: $"{prefix}:acct:{{dinghaishan}}:*").Select(k => k.ToString()).ToList();
        Assert.Contains($"{prefix}:acct:{{dinghaishan}}:posts", keys);
    }

    [Fact]
    public async Task Check_BadNow_IsAUsageError()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(Timeout, "check", "--config", "whatever.yaml", "--now", "yesterday");

        Assert.Equal(2, exit);
        Assert.Contains("--now", stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonElement> Accounts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.Clone());
    }
}
