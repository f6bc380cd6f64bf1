using MediaMatrix.Simulator;

namespace MediaMatrix.Cli;

/// <summary><c>simulate</c>: serve the demo matrix's feeds and pages on loopback until Ctrl+C (for <c>check</c> and benchmarks).</summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions
        {
            Port = int.TryParse(cli.Get("port"), out var port) ? port : 5380,
            Seed = int.TryParse(cli.Get("seed"), out var seed) ? seed : new SimulatorOptions().Seed,
        };

        await using var simulator = await SimulatorHost.StartAsync(options, cancellationToken);
        await Console.Out.WriteLineAsync($"Simulator serving the demo matrix at {simulator.BaseUrl} (Ctrl+C stops it)");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }

        return 0;
    }
}
