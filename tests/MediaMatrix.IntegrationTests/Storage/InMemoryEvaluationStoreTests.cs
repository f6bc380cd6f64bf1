using System.Text;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryEvaluationStoreTests : EvaluationStoreContract
{
    protected override IEvaluationStore CreateStore(StoreOptions options) => new InMemoryEvaluationStore(options);

    /// <summary>No keys to dump here, so the snapshot is every read the contract offers.</summary>
    protected override async Task<string> SnapshotAsync(IEvaluationStore store, IReadOnlyCollection<string> accountIds)
    {
        var snapshot = new StringBuilder();
        foreach (var account in accountIds)
        {
            foreach (var evaluation in await store.GetEvaluationHistoryAsync(account, int.MaxValue, None))
            {
                snapshot.AppendLine($"{account} evaluation {evaluation}");
            }
        }

        return snapshot.ToString();
    }
}
