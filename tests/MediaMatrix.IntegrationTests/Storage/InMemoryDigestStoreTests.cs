using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryDigestStoreTests : DigestStoreContract
{
    protected override IDigestStore CreateStore(StoreOptions options) => new InMemoryDigestStore();
}
