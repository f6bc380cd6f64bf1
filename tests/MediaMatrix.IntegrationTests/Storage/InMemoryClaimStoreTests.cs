using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryClaimStoreTests : ClaimStoreContract
{
    protected override IMatrixStore CreateStore(StoreOptions options) => new InMemoryMatrixStore(options);
}
