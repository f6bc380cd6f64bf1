using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Storage;

/// <summary>Reads a test's keys straight from Redis, for the R4 snapshots and the R5 checks of the Redis stores.</summary>
internal static class RedisKeyDump
{
    public static async Task<List<string>> ScanAsync(RedisServer redis, string pattern)
    {
        var keys = new List<string>();
        await foreach (var key in redis.Connection.GetServers().Single().KeysAsync(pattern: pattern))
        {
            keys.Add(key!);
        }

        return keys;
    }

    /// <summary>Every key matching the pattern with its type, full value and whether it has a TTL (the TTL itself
    /// counts down between applications, so only its presence is compared).</summary>
    public static async Task<string> DumpAsync(RedisServer redis, string pattern)
    {
        var db = redis.Connection.GetDatabase();
        var snapshot = new StringBuilder();
        foreach (var key in (await ScanAsync(redis, pattern)).Order(StringComparer.Ordinal))
        {
            var type = await db.KeyTypeAsync(key);
            var hasTtl = await db.KeyTimeToLiveAsync(key) is not null;
            snapshot.AppendLine($"{key} {type} ttl={hasTtl}");
            switch (type)
            {
                case RedisType.String:
                    snapshot.AppendLine($"  {await db.StringGetAsync(key)}");
                    break;
                case RedisType.Hash:
                    foreach (var field in (await db.HashGetAllAsync(key)).OrderBy(field => (string)field.Name!, StringComparer.Ordinal))
                    {
                        snapshot.AppendLine($"  {field.Name} = {field.Value}");
                    }

                    break;
                case RedisType.SortedSet:
                    foreach (var entry in await db.SortedSetRangeByRankWithScoresAsync(key))
                    {
                        snapshot.AppendLine($"  {entry.Element} @ {entry.Score}");
                    }

                    break;
                default:
                    snapshot.AppendLine("  (unexpected type)");
                    break;
            }
        }

        return snapshot.ToString();
    }
}
