using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.History;

namespace MediaMatrix.Simulator.Serving;

/// <summary>Everything the endpoints share: the cast, its history, the clock and the request counts.</summary>
internal sealed class SimulatedMatrix
{
    private readonly Dictionary<string, SimulatedAccount> _accounts;

    private int _canaryHits;

    public SimulatedMatrix(SimulatorOptions options, CancellationToken stopping)
    {
        Stopping = stopping;
        Cast = options.Cast;
        _accounts = options.Cast.ToDictionary(account => account.Id, StringComparer.Ordinal);
        Clock = options.TimeProvider;
        Started = Clock.GetUtcNow();
        var anchor = new DateTimeOffset(Started.Ticks - Started.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        History = new PostingHistory(options.Seed, anchor, options.Cast.FirstOrDefault(a => a.IsHead)?.Issues ?? []);
        Outages = new PlatformOutages(options.Outages);
    }

    public PlatformOutages Outages { get; }

    public IReadOnlyList<SimulatedAccount> Cast { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Started { get; }

    public PostingHistory History { get; }

    public RequestCounter Requests { get; } = new();

    /// <summary>Fires when the simulator stops, to end requests that would otherwise never finish.</summary>
    public CancellationToken Stopping { get; }

    public int CanaryHits => Volatile.Read(ref _canaryHits);

    public void CountCanaryHit() => Interlocked.Increment(ref _canaryHits);

    public SimulatedAccount? Find(string? id) => id is not null && _accounts.TryGetValue(id, out var account) ? account : null;

    /// <summary>One page of the account's posts as of now, newest first.</summary>
    public IReadOnlyList<SimulatedPost> LatestPage(SimulatedAccount account) => History.Latest(account, Clock.GetUtcNow(), account.PageSize);
}
