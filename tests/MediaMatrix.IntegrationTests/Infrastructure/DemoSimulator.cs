using MediaMatrix.Simulator;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>The demo cast on a free loopback port, with its matrix config written to a temp file for the CLI.</summary>
public sealed class DemoSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;

    private DemoSimulator(SimulatorHost host, string configPath)
    {
        _host = host;
        ConfigPath = configPath;
    }

    public string ConfigPath { get; }

    public Uri BaseUrl => _host.BaseUrl;

    public static async Task<DemoSimulator> StartAsync()
    {
        var host = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 }, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"mm-demo-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, DemoMatrixYaml.Render(host.BaseUrl));
        return new DemoSimulator(host, path);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(ConfigPath);
    }
}
