using MediaMatrix.Simulator.Cast;
using Microsoft.Extensions.Time.Testing;

namespace MediaMatrix.Simulator.Tests;

/// <summary>A simulator on a free port with a frozen clock, and an HttpClient pointed at it. Each test owns one.</summary>
internal sealed class RunningSimulator : IAsyncDisposable
{
    /// <summary>Friday 2026-11-20 10:30 in Shanghai; the anchor is 10:00.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 30, 0, TimeSpan.Zero);

    private RunningSimulator(SimulatorHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseUrl };
    }

    public SimulatorHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<RunningSimulator> StartAsync(IReadOnlyList<SimulatedAccount>? cast = null, int seed = 2026, DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? Start);
        var options = new SimulatorOptions { Port = 0, Seed = seed, TimeProvider = clock, Cast = cast ?? TestCast.OneOfEach };
        return new RunningSimulator(await SimulatorHost.StartAsync(options, CancellationToken.None), clock);
    }

    public async Task<string> GetStringAsync(string path) => await Http.GetStringAsync(path);

    public async Task<IReadOnlyList<FeedPost>> ReadRssAsync(string id) => FeedPost.ParseRss(await GetStringAsync($"feeds/{id}/rss.xml"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
