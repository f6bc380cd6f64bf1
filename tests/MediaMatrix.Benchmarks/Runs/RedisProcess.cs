using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// A private redis-server on a free loopback port in a temporary folder (no persistence: the runs count commands and
/// memory, not disk), so no other developer's traffic lands in the counters. Stopped and removed on dispose.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private const string ServerPath = "/usr/bin/redis-server";

    private readonly Process process;
    private readonly string folder;

    private RedisProcess(Process process, string folder, int port, ConnectionMultiplexer admin)
    {
        this.process = process;
        this.folder = folder;
        EndPoint = $"127.0.0.1:{port}";
        Admin = admin;
    }

    public string EndPoint { get; }

    /// <summary>A connection for INFO and FLUSHALL, apart from the one under test.</summary>
    public ConnectionMultiplexer Admin { get; }

    public IServer Server => Admin.GetServer(EndPoint);

    public static async Task<RedisProcess> StartAsync(params string[] settings)
    {
        if (!File.Exists(ServerPath))
        {
            throw new InvalidOperationException($"{ServerPath} not found: install redis-server (apt-get install redis-server)");
        }

        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("mediamatrix-bench-redis-").FullName;
        var start = new ProcessStartInfo(ServerPath)
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", folder, "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var admin = await ConnectAsync($"127.0.0.1:{port}");
                return new RedisProcess(process, folder, port, admin);
            }
            catch (RedisConnectionException) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
    }

    public static Task<ConnectionMultiplexer> ConnectAsync(string endPoint) =>
        ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { endPoint }, AllowAdmin = true, AbortOnConnectFail = true });

    public async ValueTask DisposeAsync()
    {
        await Admin.DisposeAsync();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
