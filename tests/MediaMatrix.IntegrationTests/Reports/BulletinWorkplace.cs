using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.IntegrationTests.Web;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Reports;

/// <summary>The demo cast behind a workplace host with a bulletin folder of its own (no other test sees its files), polled
/// until every account has been tried once.</summary>
public sealed class BulletinWorkplace : IAsyncLifetime
{
    public DemoSimulator Simulator { get; private set; } = null!;

    public WorkplaceHost Host { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"mm-bulletins-{Guid.NewGuid():N}");

    public MatrixConfig Matrix => Host.Services.GetRequiredService<MatrixConfig>();

    public async Task InitializeAsync()
    {
        Simulator = await DemoSimulator.StartAsync();
        Host = await WorkplaceHost.StartAsync(Simulator.ConfigPath, new Dictionary<string, string?>
        {
            ["Auth:LoginAttemptsPerMinute"] = "1000",
            ["Web:ReportMaxAge"] = "00:00:00",
            ["Bulletins:Directory"] = Folder,
        });
        var store = Host.Services.GetRequiredService<IPostStore>();
        var ids = Matrix.Accounts.Select(a => a.Id).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var states = await store.GetPollStatesAsync(ids, timeout.Token);
            if (ids.All(id => states.GetValueOrDefault(id)?.LastAttemptAt is not null))
                break;
            await Task.Delay(500, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BulletinWorkplaceCollection : ICollectionFixture<BulletinWorkplace>
{
    public const string Name = "bulletin workplace";
}
