using System.Diagnostics;
using StackExchange.Redis;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// The real <c>serve</c> process polling N accounts at a steady rate (Q1 over an interval, E2): every account's first
/// due time is spread evenly over one poll interval before <c>serve</c> starts (it keeps existing due entries), so the
/// first interval polls at N ÷ interval per second with full fetches (the warm-up), and every later one at the same
/// rate, mostly 304s. Without that spread a cold start puts every account due in the first ten seconds and the rate
/// takes many intervals to even out.
/// </summary>
internal sealed class SteadyServe : IAsyncDisposable
{
    private readonly RedisProcess redis;
    private readonly SimulatorProcess simulator;
    private readonly QuartzDatabase? quartz;

    private SteadyServe(RedisProcess redis, SimulatorProcess simulator, QuartzDatabase? quartz, ServeProcess serve, Stopwatch clock)
    {
        this.redis = redis;
        this.simulator = simulator;
        this.quartz = quartz;
        Serve = serve;
        Clock = clock;
    }

    public ServeProcess Serve { get; }

    /// <summary>Started when the due times were spread: the warm-up interval ends one poll interval after it.</summary>
    public Stopwatch Clock { get; }

    public bool Clustered => quartz is not null;

    /// <param name="postgres">A server connection string for the clustered Quartz store, or null for the in-memory one.</param>
    public static async Task<SteadyServe> StartAsync(int accounts, TimeSpan interval, string? postgres, IReadOnlyDictionary<string, string> settings)
    {
        var redis = await RedisProcess.StartAsync();
        var simulator = await SimulatorProcess.StartAsync("mixed", accounts - 1, 0);
        var quartz = await QuartzDatabase.CreateAsync(postgres);
        var ids = MonitorUnderTest.LoadMatrix(simulator).Accounts.Select(a => a.Id).ToList();
        var start = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var spread = ids.Select((id, i) => new SortedSetEntry(id, start + (interval.TotalMilliseconds * i / ids.Count))).ToArray();
        await redis.Admin.GetDatabase().SortedSetAddAsync("mm:due", spread);
        var clock = Stopwatch.StartNew();

        var all = new Dictionary<string, string>(settings);
        foreach (var (name, value) in quartz?.Settings() ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        var serve = await ServeProcess.StartAsync(simulator, redis, all, interval);
        return new SteadyServe(redis, simulator, quartz, serve, clock);
    }

    /// <summary>Waits until <paramref name="at"/> on <see cref="Clock"/>.</summary>
    public Task UntilAsync(TimeSpan at) => at > Clock.Elapsed ? Task.Delay(at - Clock.Elapsed) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Serve.DisposeAsync();
        if (quartz is not null)
        {
            await quartz.DisposeAsync();
        }

        await simulator.DisposeAsync();
        await redis.DisposeAsync();
    }
}
