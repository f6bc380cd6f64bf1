using System.Text;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryMatrixStoreTests : MatrixStoreContract
{
    protected override IMatrixStore CreateStore(StoreOptions options) => new InMemoryMatrixStore(options);

    /// <summary>No keys to dump here, so the snapshot is every read the contract offers.</summary>
    protected override async Task<string> SnapshotAsync(IMatrixStore store, IReadOnlyCollection<string> accountIds)
    {
        var snapshot = new StringBuilder();
        var states = await store.GetPollStatesAsync(accountIds, None);
        foreach (var account in accountIds)
        {
            snapshot.AppendLine($"{account} state {states.GetValueOrDefault(account)}");
            foreach (var post in await store.GetPostsAsync(account, DateTimeOffset.MinValue, None))
            {
                snapshot.AppendLine($"{account} post {post}");
            }

            foreach (var evaluation in await store.GetEvaluationHistoryAsync(account, int.MaxValue, None))
            {
                snapshot.AppendLine($"{account} evaluation {evaluation}");
            }
        }

        snapshot.AppendLine($"due {string.Join(",", await store.GetDueAccountsAsync(DateTimeOffset.MaxValue, int.MaxValue, None))}");
        return snapshot.ToString();
    }

    /// <summary>Nothing outlives the process; the bound on posts is checked through reads by the contract.</summary>
    protected override Task AssertEveryKeyHasTtlOrBoundAsync(StoreOptions options) => Task.CompletedTask;
}
