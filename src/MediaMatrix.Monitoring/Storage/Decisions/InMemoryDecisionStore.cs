using MediaMatrix.Monitoring.Decisions;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Decisions in process, ordered like the Redis zset.</summary>
public sealed class InMemoryDecisionStore : IDecisionStore
{
    private readonly Lock decisionGate = new();
    private readonly Dictionary<string, List<Decision>> decisions = new(StringComparer.Ordinal);

    public Task SaveDecisionAsync(Decision decision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (decisionGate)
        {
            if (!decisions.TryGetValue(decision.AccountId, out var history))
                decisions[decision.AccountId] = history = [];
            if (!history.Contains(decision))
                history.Add(decision);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Decision>> GetDecisionsAsync(string accountId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (decisionGate)
        {
            IReadOnlyList<Decision> history = decisions.TryGetValue(accountId, out var list) ? NewestFirst(list) : [];
            return Task.FromResult(history);
        }
    }

    public Task<IReadOnlyDictionary<string, Decision>> GetLatestDecisionsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (decisionGate)
        {
            IReadOnlyDictionary<string, Decision> latest = accountIds.Distinct(StringComparer.Ordinal)
                .Where(id => decisions.TryGetValue(id, out var list) && list.Count > 0)
                .ToDictionary(id => id, id => NewestFirst(decisions[id])[0], StringComparer.Ordinal);
            return Task.FromResult(latest);
        }
    }

    // Ties (one account, one millisecond) are not part of the contract; Redis orders them by JSON.
    private static List<Decision> NewestFirst(List<Decision> list) =>
        [.. list.OrderByDescending(d => d.At.ToUnixTimeMilliseconds()).ThenByDescending(d => d.By, StringComparer.Ordinal).ThenByDescending(d => d.Reason, StringComparer.Ordinal)];
}
