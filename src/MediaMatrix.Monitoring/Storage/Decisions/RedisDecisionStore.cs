using System.Text.Json;
using MediaMatrix.Monitoring.Decisions;
using StackExchange.Redis;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Decisions: one permanent zset per account (member = the decision's JSON, score = its time), so saving the
/// same decision twice is one member.</summary>
public sealed class RedisDecisionStore(IConnectionMultiplexer redis, StoreOptions options) : RedisStore(redis, options), IDecisionStore
{
    public async Task SaveDecisionAsync(Decision decision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Database.SortedSetAddAsync(Keys.Decisions(decision.AccountId), DecisionJson(decision), decision.At.ToUnixTimeMilliseconds())
            .WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Decision>> GetDecisionsAsync(string accountId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var members = await Database.SortedSetRangeByRankAsync(Keys.Decisions(accountId), 0, -1, Order.Descending).WaitAsync(cancellationToken);
        return [.. members.Select(m => ReadDecision(m))];
    }

    public async Task<IReadOnlyDictionary<string, Decision>> GetLatestDecisionsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ids = accountIds.Distinct(StringComparer.Ordinal).ToList();
        var batch = Database.CreateBatch();
        var reads = ids.Select(id => batch.SortedSetRangeByRankAsync(Keys.Decisions(id), 0, 0, Order.Descending)).ToList();
        batch.Execute();
        await Task.WhenAll(reads).WaitAsync(cancellationToken);

        var latest = new Dictionary<string, Decision>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var newest = await reads[i];
            if (newest.Length > 0)
                latest[ids[i]] = ReadDecision(newest[0]);
        }

        return latest;
    }

    private static string DecisionJson(Decision decision) => JsonSerializer.Serialize(decision, AlertStorageJsonContext.Compact.Decision);

    private static Decision ReadDecision(RedisValue json) => JsonSerializer.Deserialize((string)json!, AlertStorageJsonContext.Compact.Decision)!;
}
