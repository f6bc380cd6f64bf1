using MediaMatrix.Simulator;
using MediaMatrix.Simulator.Serving;

namespace MediaMatrix.Cli;

/// <summary>
/// <c>demo</c>: the simulator on loopback plus <c>serve</c> against the bundled demo matrix on the
/// in-process store. Needs nothing installed beyond the .NET SDK.
/// </summary>
internal static class DemoCommand
{
    private const int DefaultSimulatorPort = 5380;

    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var port = int.TryParse(cli.Get("sim-port"), out var p) ? p : DefaultSimulatorPort;
        await using var simulator = await StartSimulatorAsync(port, cancellationToken);
        await Console.Out.WriteLineAsync($"Simulator: {simulator.BaseUrl}");

        var bundled = Path.Combine(AppContext.BaseDirectory, "config", "demo", "matrix.yaml");
        var config = bundled;
        if (simulator.BaseUrl.Port != DefaultSimulatorPort || !File.Exists(bundled))
        {
            // The bundled file points at port 5380; on any other port, write the same cast for this one.
            config = Path.Combine(Path.GetTempPath(), $"mediamatrix-demo-{simulator.BaseUrl.Port}.yaml");
            await File.WriteAllTextAsync(config, DemoMatrixYaml.Render(simulator.BaseUrl), cancellationToken);
        }

        var defaults = new Dictionary<string, string?>
        {
            ["Matrix:Config"] = config,
            ["Store:Kind"] = "memory",
            // Polls every few minutes instead of hours, so the demo's scheduled Weibo outage is seen (one 平台采集异常, then
            // its resolution) while someone is looking; the first minute's answer comes from the first round either way.
            ["Polling:HeadInterval"] = "00:05:00",
            ["Polling:MemberInterval"] = "00:10:00",
        };
        // The demo has no users configured: it makes an admin password and shows it this once (it is kept only as a hash).
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Auth__AdminPassword")))
        {
            var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
            defaults["Auth:AdminPassword"] = password;
            await Console.Out.WriteLineAsync($"Log in as admin with password: {password} (shown once)");
        }

        return await ServeCommand.RunAsync(cli, new DemoSetup(defaults, DemoSeed.SeedAsync), cancellationToken);
    }

    private static async Task<SimulatorHost> StartSimulatorAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            return await SimulatorHost.StartAsync(new SimulatorOptions { Port = port, Outages = [PlatformOutage.DemoWeibo] }, cancellationToken);
        }
        catch (IOException) when (port != 0)
        {
            await Console.Error.WriteLineAsync($"Port {port} is taken; the simulator uses a free port instead.");
            return await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Outages = [PlatformOutage.DemoWeibo] }, cancellationToken);
        }
    }
}
