using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>Tests that need Redis join this collection and share one server; each isolates itself with its own key prefix.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}

/// <summary>
/// A real redis-server for integration tests. test.sh starts one and names it in <see cref="EndPointVariable"/>;
/// otherwise we start our own on a free loopback port and stop it afterwards. No Redis is a failure, never a skip:
/// a skipped store suite would pass CI while proving nothing.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string EndPointVariable = "MEDIAMATRIX_TEST_REDIS";
    private const string ServerPath = "/usr/bin/redis-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private Process? process;
    private string? dataDirectory;
    private ConnectionMultiplexer? connection;

    /// <summary>host:port of the server.</summary>
    public string EndPoint { get; private set; } = "";

    /// <summary>A shared connection with admin commands allowed (CONFIG, INFO, SCAN for inspection).</summary>
    public IConnectionMultiplexer Connection => connection ?? throw new InvalidOperationException("Redis fixture not initialised");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EndPointVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            EndPoint = configured;
        }
        else if (File.Exists(ServerPath))
        {
            EndPoint = StartOwnServer();
        }
        else
        {
            throw new InvalidOperationException(
                $"These integration tests need a real Redis. Set {EndPointVariable}=host:port to use a running server, " +
                $"or install redis-server (e.g. 'apt-get install redis-server') so that {ServerPath} exists.");
        }

        connection = await ConnectAsync(EndPoint);
    }

    /// <summary>Removes a test's keys (its own prefix) so tests sharing the server leave nothing behind.</summary>
    public async Task DeleteKeysAsync(string pattern)
    {
        var db = Connection.GetDatabase();
        await foreach (var key in Connection.GetServers().Single().KeysAsync(pattern: pattern))
        {
            await db.KeyDeleteAsync(key);
        }
    }

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private string StartOwnServer()
    {
        var port = FreeLoopbackPort();
        dataDirectory = Directory.CreateTempSubdirectory("mediamatrix-redis-").FullName;
        var start = new ProcessStartInfo(ServerPath)
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Persistence off: the contract tests check what the store writes, not crash recovery (that suite configures AOF).
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ServerPath}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return $"127.0.0.1:{port}";
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(string endPoint)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync($"{endPoint},allowAdmin=true,connectTimeout=2000");
            }
            catch (RedisConnectionException) when (deadline.Elapsed < StartTimeout && process is { HasExited: false })
            {
                // Our own server may still be starting.
                await Task.Delay(100);
            }
            catch (RedisConnectionException ex)
            {
                throw new InvalidOperationException($"No Redis answering at {endPoint} (from {EndPointVariable} or our own redis-server): {ex.Message}", ex);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
