using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>Starts <c>MediaMatrix.ClusterNode</c> processes (tests/MediaMatrix.ClusterNode) and waits until they run.</summary>
internal static class NodeProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A clustered Quartz node on <paramref name="database"/> running the ledger jobs into <paramref name="ledger"/>.</summary>
    public static Task<CliProcess> QuartzAsync(string database, string ledger, string instanceId) =>
        StartAsync("quartz", "--postgres", database, "--ledger", ledger, "--instance", instanceId);

    /// <summary>Several at once: they start in parallel, as replicas of a deployment do.</summary>
    public static async Task<List<CliProcess>> QuartzAsync(string database, string ledger, params string[] instanceIds) =>
        [.. await Task.WhenAll(instanceIds.Select(id => QuartzAsync(database, ledger, id)))];

    public static async Task<CliProcess> StartAsync(params string[] args)
    {
        var process = CliProcess.StartProgram("MediaMatrix.ClusterNode.dll", null, args);
        try
        {
            await process.WaitForLineAsync(l => l.StartsWith("ready:", StringComparison.Ordinal), StartTimeout);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
