using System.Globalization;
using MediaMatrix.IntegrationTests.Web;

namespace MediaMatrix.IntegrationTests.Observability;

/// <summary>
/// prometheus-net's registry is one per process, and the tests run several hosts in one process at once. Each /metrics
/// must answer its own host's figures: a host started later (or stopped since) must not take over the gauges. This once
/// made the content acceptance test wait in vain for its account's series, whenever another test's host started after it.
/// </summary>
public sealed class ScrapeIsolationTests
{
    [Fact]
    public async Task EachHostsScrape_ShowsItsOwnMatrix_WhileAnotherHostStartsAndStops()
    {
        var dir = Directory.CreateTempSubdirectory("mm-scrape-isolation-").FullName;
        try
        {
            await using var first = await WorkplaceHost.StartAsync(await MatrixAsync(dir, "first", weibo: 1));
            using var firstClient = first.Client();
            Assert.Equal(1, await WeiboAccountsAsync(firstClient));

            var second = await WorkplaceHost.StartAsync(await MatrixAsync(dir, "second", weibo: 3));
            using (var secondClient = second.Client())
            {
                Assert.Equal(1, await WeiboAccountsAsync(firstClient));
                Assert.Equal(3, await WeiboAccountsAsync(secondClient));
                Assert.Equal(1, await WeiboAccountsAsync(firstClient));
            }

            await second.DisposeAsync();
            Assert.Equal(1, await WeiboAccountsAsync(firstClient));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Sources on a closed loopback port: polls fail, which is fine; the platform gauge counts configured accounts.
    private static async Task<string> MatrixAsync(string dir, string name, int weibo)
    {
        var members = string.Concat(Enumerable.Range(1, weibo).Select(i => $$"""
              - { id: {{name}}-wb{{i}}, name: 微博{{i}}, platform: weibo, tier: member, department: 区{{name}}局{{i}}, source: { kind: feed, url: "http://127.0.0.1:9/{{name}}-{{i}}.xml" } }

            """));
        var path = Path.Combine(dir, name + ".yaml");
        await File.WriteAllTextAsync(path, $$"""
            matrix: { name: {{name}}, timezone: Asia/Shanghai, allowPrivateNetworks: true }
            accounts:
              - { id: {{name}}-head, name: 融媒体中心, platform: app, tier: head, department: 区融媒体中心, source: { kind: feed, url: "http://127.0.0.1:9/{{name}}.xml" } }

            """ + members);
        return path;
    }

    private static async Task<int> WeiboAccountsAsync(HttpClient client)
    {
        var line = (await client.GetStringAsync("/metrics")).Split('\n')
            .Single(l => l.StartsWith("mediamatrix_platform_accounts{platform=\"weibo\"} ", StringComparison.Ordinal));
        return int.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
