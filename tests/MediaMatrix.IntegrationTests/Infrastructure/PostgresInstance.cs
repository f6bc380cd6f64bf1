using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster of our own (initdb + pg_ctl on a free loopback port, trust auth, fsync off), for tests
/// that stop and start the database. initdb refuses root, so as root the folder belongs to, and runs as, postgres.
/// </summary>
public sealed class PostgresInstance : IAsyncDisposable
{
    private readonly string directory;
    private readonly int port;

    private PostgresInstance(string directory, int port)
    {
        this.directory = directory;
        this.port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=10";

    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;

    public static async Task<PostgresInstance> StartNewAsync()
    {
        if (BinDirectory is null)
        {
            throw new InvalidOperationException(
                "These tests need PostgreSQL: set MEDIAMATRIX_TEST_POSTGRES to a connection string, or install it (apt-get install postgresql).");
        }

        var directory = Directory.CreateTempSubdirectory("mediamatrix-pg-").FullName;
        var instance = new PostgresInstance(directory, FreeLoopbackPort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres", directory);
        }

        await instance.RunAsPostgresAsync("initdb", "-D", Path.Combine(directory, "data"), "-U", "postgres", "-A", "trust");
        await instance.StartAsync();
        return instance;
    }

    public Task StartAsync() => RunAsPostgresAsync("pg_ctl", "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "postgres.log"), "-w",
        "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops at once, like a crash: no checkpoint, clients cut off.</summary>
    public Task StopAsync() => RunAsPostgresAsync("pg_ctl", "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(directory, recursive: true);
    }

    private Task RunAsPostgresAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory!, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output} {await error}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
