using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryAlertStoreTests : AlertStoreContract
{
    protected override IMatrixStore CreateStore(StoreOptions options) => new InMemoryMatrixStore(options);
}
