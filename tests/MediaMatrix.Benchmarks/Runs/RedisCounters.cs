using System.Globalization;
using StackExchange.Redis;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// Counters from INFO that noise cannot move: commands processed (by name) and read events, i.e. how many times the
/// server woke up to read a client's socket — one per flush the client sent, which is what a round trip costs.
/// Reading them is itself one command and one read; <see cref="Minus"/> takes that off.
/// </summary>
internal sealed record RedisCounters(long Commands, long Reads, long UsedMemory, IReadOnlyDictionary<string, long> ByCommand)
{
    public static async Task<RedisCounters> ReadAsync(IServer server)
    {
        var info = (await server.InfoAsync("all")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var byCommand = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in info.Where(p => p.Key.StartsWith("cmdstat_", StringComparison.Ordinal)))
        {
            // calls=3,usec=...
            var calls = value.Split(',')[0].Split('=')[1];
            byCommand[key["cmdstat_".Length..]] = long.Parse(calls, CultureInfo.InvariantCulture);
        }

        return new RedisCounters(
            long.Parse(info["total_commands_processed"], CultureInfo.InvariantCulture),
            long.Parse(info["total_reads_processed"], CultureInfo.InvariantCulture),
            long.Parse(info["used_memory"], CultureInfo.InvariantCulture),
            byCommand);
    }

    /// <summary>What happened between <paramref name="before"/> and this reading, less the reading itself.</summary>
    public RedisCounters Minus(RedisCounters before)
    {
        var byCommand = ByCommand
            .Select(p => (p.Key, Delta: p.Value - before.ByCommand.GetValueOrDefault(p.Key) - (p.Key == "info" ? 1 : 0)))
            .Where(p => p.Delta > 0)
            .ToDictionary(p => p.Key, p => p.Delta, StringComparer.Ordinal);
        return new RedisCounters(Commands - before.Commands - 1, Reads - before.Reads - 1, UsedMemory - before.UsedMemory, byCommand);
    }

    public string Describe() =>
        $"{Commands} commands, {Reads} reads ({string.Join(", ", ByCommand.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))})";
}
