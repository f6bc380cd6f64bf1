using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Login session keys (<see cref="ISessionStore"/>): the user name is the hash tag, so a user's sessions and
/// their index share a slot and one script ends them all.</summary>
public sealed partial class RedisKeys
{
    /// <summary>String: the session's user name. TTL: the auth cookie's lifetime, renewed with the cookie.</summary>
    public RedisKey Session(string user, string sessionId) => $"{prefix}:user:{{{user}}}:session:{sessionId}";

    /// <summary>Set: the user's session ids, so a password change or a disabled user ends them all. TTL: its newest session's.</summary>
    public RedisKey UserSessions(string user) => $"{prefix}:user:{{{user}}}:sessions";

    /// <summary>List: the ASP.NET Core data protection key ring (one XML element per key) that signs and encrypts the auth cookie, shared so that
    /// a cookie issued by one replica is read by every other. No TTL: keys expire inside the ring (90 days).</summary>
    public RedisKey DataProtectionKeys => $"{prefix}:dataprotection:keys";
}
