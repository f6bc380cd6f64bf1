using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Whether Redis is set up to keep what we acknowledge (reliability R1).</summary>
public sealed record RedisHealthResult(bool Healthy, string Reason);

/// <summary>
/// Reads the durability settings once, for the start-up log and the health endpoint (needs <c>allowAdmin=true</c>). Without AOF a Redis crash loses
/// acknowledged posts and alerts (R2); with an evicting policy Redis silently drops keys under memory pressure.
/// </summary>
public static class RedisHealth
{
    public static async Task<RedisHealthResult> CheckAsync(IConnectionMultiplexer redis)
    {
        var problems = new List<string>();
        foreach (var server in redis.GetServers().Where(server => server.IsConnected && !server.IsReplica))
        {
            KeyValuePair<string, string>[] settings;
            try
            {
                settings = await server.ConfigGetAsync("*");
            }
            catch (Exception ex) when (ex is RedisException or RedisCommandException)
            {
                // Managed Redis often disables CONFIG, and the client refuses it without allowAdmin=true;
                // we cannot vouch for what we cannot read.
                problems.Add($"{server.EndPoint}: cannot read config ({ex.Message})");
                continue;
            }

            var config = settings.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
            if (config.GetValueOrDefault("appendonly") != "yes")
            {
                problems.Add($"{server.EndPoint}: appendonly is '{config.GetValueOrDefault("appendonly")}', not 'yes': a crash loses acknowledged writes");
            }

            if (config.GetValueOrDefault("appendfsync") is "no")
            {
                problems.Add($"{server.EndPoint}: appendfsync is 'no': a crash can lose far more than a second of writes");
            }

            if (config.GetValueOrDefault("maxmemory-policy") != "noeviction")
            {
                problems.Add($"{server.EndPoint}: maxmemory-policy is '{config.GetValueOrDefault("maxmemory-policy")}', not 'noeviction': Redis may drop stored keys");
            }
        }

        if (problems.Count == 0 && !redis.GetServers().Any(server => server.IsConnected && !server.IsReplica))
        {
            problems.Add("no connected primary");
        }

        return problems.Count == 0
            ? new RedisHealthResult(true, "AOF on, noeviction")
            : new RedisHealthResult(false, string.Join("; ", problems));
    }
}
