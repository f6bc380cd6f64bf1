using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator;

/// <summary>How to start a <see cref="SimulatorHost"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The loopback port to listen on; 0 picks any free port (read it back from <see cref="SimulatorHost.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>The same seed gives the same posting history.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>The clock: the anchor is its time at start, rounded down to the hour; posts appear as it passes their time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Platforms down for a while on a schedule (<see cref="PlatformOutage.DemoWeibo"/> in the demo); tests can also
    /// switch one on and off with <see cref="SimulatorHost.TakeDown"/>.</summary>
    public IReadOnlyList<Serving.PlatformOutage> Outages { get; init; } = [];

    /// <summary>The accounts to play.</summary>
    public IReadOnlyList<SimulatedAccount> Cast { get; init; } = DemoCast.Accounts;
}
