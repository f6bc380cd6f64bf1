using System.Collections.Concurrent;

namespace MediaMatrix.Simulator.Serving;

/// <summary>Source requests per account, so request-driven behaviours (flaky, layout changed) are deterministic.</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, StrongBox> _counts = new();

    /// <summary>Counts this request and returns its 1-based number.</summary>
    public int Next(string accountId) => Interlocked.Increment(ref _counts.GetOrAdd(accountId, _ => new StrongBox()).Value);

    private sealed class StrongBox
    {
        public int Value;
    }
}
