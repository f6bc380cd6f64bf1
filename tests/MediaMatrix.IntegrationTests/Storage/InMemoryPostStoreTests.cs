using System.Text;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryPostStoreTests : PostStoreContract
{
    protected override IPostStore CreateStore(StoreOptions options) => new InMemoryPostStore(options);

    /// <summary>No keys to dump here, so the snapshot is every read the contract offers.</summary>
    protected override async Task<string> SnapshotAsync(IPostStore store, IReadOnlyCollection<string> accountIds)
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

            var times = await store.GetPublicationTimesAsync(account, DateTimeOffset.MinValue, None);
            snapshot.AppendLine($"{account} times {string.Join(",", times.UtcTicks)} days {string.Join(",", times.DayStarts ?? [])}");
        }

        // The due index has no plain read: a claim at the end of time with no lease lists every scheduled account, most
        // overdue first, and leaves each at that end, where the record's next application (it sets NextDueAt) moves it back.
        snapshot.AppendLine($"due {string.Join(",", await store.ClaimDueAsync(DateTimeOffset.MaxValue, TimeSpan.Zero, int.MaxValue, None))}");
        return snapshot.ToString();
    }

    /// <summary>Nothing outlives the process; the bound on posts is checked through reads by the contract.</summary>
    protected override Task AssertEveryKeyHasTtlOrBoundAsync(StoreOptions options) => Task.CompletedTask;
}
