using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryTaskStoreTests : TaskStoreContract
{
    protected override ITaskStore CreateStore(StoreOptions options) => new InMemoryTaskStore();
}
