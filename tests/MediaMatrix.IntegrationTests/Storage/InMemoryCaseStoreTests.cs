using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryCaseStoreTests : CaseStoreContract
{
    protected override ICaseStore CreateStore(StoreOptions options) => new InMemoryCaseStore();
}
