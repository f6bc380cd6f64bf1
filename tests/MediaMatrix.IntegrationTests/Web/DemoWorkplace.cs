using System.Net.Http.Json;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;

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
        Host = await WorkplaceHost.StartAsync(Simulator.ConfigPath, new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = "1000" });
        using var admin = await Host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        // Every account polled once, the hostile one included.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/accounts/dh-police-dy/posts?days=400");
            if (page.GetProperty("total").GetInt32() > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the hostile account was never polled");
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
    }

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
