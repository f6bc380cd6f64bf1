using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>
/// A redis-server of a test's own, with the settings the test chooses, that the test may kill -9 and start again on the
/// same port and data folder (R2's crash and AOF replay, R3's outage).
/// </summary>
public sealed class RedisInstance : IAsyncDisposable
{
    private const string ServerPath = "/usr/bin/redis-server";
    private readonly string directory = Directory.CreateTempSubdirectory("mediamatrix-redis-").FullName;
    private readonly string[] settings;
    private Process? process;

    private RedisInstance(string[] settings)
    {
        this.settings = settings;
        Port = FreeLoopbackPort();
    }

    public int Port { get; }

    public string EndPoint => $"127.0.0.1:{Port}";

    /// <summary>AOF with fsync every second and no eviction: how production runs Redis.</summary>
    public static readonly string[] Durable = ["--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction"];

    public static async Task<RedisInstance> StartAsync(params string[] settings)
    {
        if (!File.Exists(ServerPath))
        {
            throw new InvalidOperationException($"These tests need redis-server at {ServerPath} (apt-get install redis-server).");
        }

        var instance = new RedisInstance(settings);
        await instance.StartAgainAsync();
        return instance;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(ServerPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{EndPoint},connectTimeout=500");
                // Loading the AOF answers LOADING until done; wait for a real answer.
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (Exception) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no final fsync.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync($"{EndPoint},allowAdmin=true,abortConnect=false,connectTimeout=1000,syncTimeout=2000,asyncTimeout=2000");

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
