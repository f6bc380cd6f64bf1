using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryNoticeStoreTests : NoticeStoreContract
{
    protected override IMatrixStore CreateStore(StoreOptions options) => new InMemoryMatrixStore(options);
}
