namespace MediaMatrix.Monitoring.Fetching;

/// <summary>
/// Politeness towards one host: at most a fixed number of requests in flight, and starts spaced by
/// a minimum interval. A county's accounts share a handful of CMS hosts, and a burst of polls
/// looks like an attack to the WAF in front of them.
/// </summary>
internal sealed class HostGate(int concurrency, TimeSpan minInterval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    /// <summary>Waits for a free slot and this host's next start time; dispose the result to free the slot.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (minInterval > TimeSpan.Zero)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    var start = _nextStart > now ? _nextStart : now;
                    _nextStart = start + minInterval;
                    wait = start - now;
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                }
            }

            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
