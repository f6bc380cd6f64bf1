using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryDueClaimTests : DueClaimContract
{
    protected override IPostStore CreateStore(StoreOptions options) => new InMemoryPostStore(options);
}
