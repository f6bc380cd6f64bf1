namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// Login sessions kept server-side, so that ending one is seen by every replica on its next request: Redis in
/// production, in process for the embedded store. A record is the session id and its user, alive for the cookie's
/// lifetime (a TTL, renewed when the cookie is); the auth cookie carries only the id. Logout ends one session; a
/// password change or a disabled user ends all of that user's sessions. Both implementations pass one contract suite.
/// </summary>
public interface ISessionStore
{
    /// <summary>Records a new session of <paramref name="user"/>, alive for <paramref name="ttl"/>.</summary>
    Task StartAsync(string user, string sessionId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>True while the session exists, belongs to <paramref name="user"/> and has not expired.</summary>
    Task<bool> IsLiveAsync(string user, string sessionId, CancellationToken cancellationToken);

    /// <summary>Gives a live session another <paramref name="ttl"/> (the cookie was renewed). An ended session stays ended.</summary>
    Task RenewAsync(string user, string sessionId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Ends one session (logout). Nothing happens when it is already gone.</summary>
    Task EndAsync(string user, string sessionId, CancellationToken cancellationToken);

    /// <summary>Ends every session of <paramref name="user"/> (password changed, user disabled).</summary>
    Task EndAllAsync(string user, CancellationToken cancellationToken);
}
