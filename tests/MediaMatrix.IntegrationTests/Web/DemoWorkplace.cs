using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Simulator.History;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The demo cast (with its Hostile account serving the XSS corpus) behind one workplace host, polled until every
/// account has been read once. Shared by the web tests that only read or that use their own accounts' data.</summary>
public sealed class DemoWorkplace : IAsyncLifetime
{
    public DemoSimulator Simulator { get; private set; } = null!;

    public WorkplaceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await DemoSimulator.StartAsync();
        // Many logins from one address in these tests; the login limit has its own host in LoginLimitTests.
        Host = await WorkplaceHost.StartAsync(Simulator.ConfigPath, new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = "1000", ["Web:ReportMaxAge"] = "00:00:00" });
        using var admin = await Host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        // Every account polled once, the hostile one included: tests read any account's page (waiting for one left the others
        // unread on a loaded box, and a test looking up dh-edu failed).
        var store = Host.Services.GetRequiredService<IPostStore>();
        var ids = Host.Services.GetRequiredService<Monitoring.Matrix.MatrixConfig>().Accounts.Select(a => a.Id).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var states = await store.GetPollStatesAsync(ids, CancellationToken.None);
            var unread = ids.Where(id => states.GetValueOrDefault(id)?.LastAttemptAt is null).ToList();
            var hostile = await admin.GetFromJsonAsync<JsonElement>("/api/v1/accounts/dh-police-dy/posts?days=400");
            if (unread.Count == 0 && hostile.GetProperty("total").GetInt32() > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"never polled: {string.Join(", ", unread)}");
            await Task.Delay(500);
        }

        await InjectRawPayloadsAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    /// <summary>Extraction already strips markup from titles and drops javascript: links, so the pages would never see the corpus
    /// raw. The UI must not rely on that: the corpus goes into the store as it is, titles and links, beside the polled posts.</summary>
    private async Task InjectRawPayloadsAsync()
    {
        var store = Host.Services.GetRequiredService<IPostStore>();
        var now = DateTimeOffset.UtcNow;
        var posts = HostilePayloads.Titles.Select((title, i) => new Post(
            $"raw-{i}", title, HostilePayloads.Links[i % HostilePayloads.Links.Count], now.AddHours(-i - 1))).ToList();
        var states = await store.GetPollStatesAsync([HostileAccount], CancellationToken.None);
        await store.RecordPollAsync(new PollRecord(HostileAccount, posts, states[HostileAccount]), CancellationToken.None);
    }

    public const string HostileAccount = "dh-police-dy";

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoWorkplaceCollection : ICollectionFixture<DemoWorkplace>
{
    public const string Name = "demo workplace";
}
