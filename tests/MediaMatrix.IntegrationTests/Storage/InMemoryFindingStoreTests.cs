using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryFindingStoreTests : FindingStoreContract
{
    protected override IFindingStore CreateStore(StoreOptions options) => new InMemoryFindingStore();
}
