using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryNoticeStoreTests : NoticeStoreContract
{
    protected override INoticeStore CreateStore(StoreOptions options) => new InMemoryNoticeStore();
}
