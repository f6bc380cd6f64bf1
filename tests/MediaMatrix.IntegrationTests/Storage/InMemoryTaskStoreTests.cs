using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryTaskStoreTests : TaskStoreContract
{
    protected override IMatrixStore CreateStore(StoreOptions options) => new InMemoryMatrixStore(options);
}
