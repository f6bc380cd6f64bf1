using MediaMatrix.Monitoring.Decisions;

namespace MediaMatrix.Monitoring.Storage;

/// <summary>Operators' decisions on dispositions: permanent, append-only per account (docs/redis-keys.md).</summary>
public interface IDecisionStore
{
    /// <summary>Adds the decision to the account's history. Saving the same decision twice keeps one.</summary>
    Task SaveDecisionAsync(Decision decision, CancellationToken cancellationToken);

    /// <summary>The account's decisions, newest first.</summary>
    Task<IReadOnlyList<Decision>> GetDecisionsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The newest decision of each given account that has one.</summary>
    Task<IReadOnlyDictionary<string, Decision>> GetLatestDecisionsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken);
}
