namespace MediaMatrix.Monitoring.Storage;

/// <summary>Sessions in process (the embedded store, one replica), with the Redis store's semantics: a session lapses
/// after its TTL, by the injected clock.</summary>
public sealed class InMemorySessionStore(TimeProvider time) : ISessionStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> sessions = new(StringComparer.Ordinal);

    public Task StartAsync(string user, string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (!sessions.TryGetValue(user, out var mine))
                sessions[user] = mine = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            // Lapsed sessions of this user go when the user logs in again, so a long run does not keep them all.
            foreach (var lapsed in mine.Where(s => s.Value <= now).Select(s => s.Key).ToList())
                mine.Remove(lapsed);
            mine[sessionId] = now + ttl;
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsLiveAsync(string user, string sessionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
            return Task.FromResult(sessions.TryGetValue(user, out var mine) && mine.TryGetValue(sessionId, out var until) && until > time.GetUtcNow());
    }

    public Task RenewAsync(string user, string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (sessions.TryGetValue(user, out var mine) && mine.TryGetValue(sessionId, out var until) && until > now)
                mine[sessionId] = now + ttl;
        }

        return Task.CompletedTask;
    }

    public Task EndAsync(string user, string sessionId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (sessions.TryGetValue(user, out var mine))
                mine.Remove(sessionId);
        }

        return Task.CompletedTask;
    }

    public Task EndAllAsync(string user, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
            sessions.Remove(user);
        return Task.CompletedTask;
    }
}
