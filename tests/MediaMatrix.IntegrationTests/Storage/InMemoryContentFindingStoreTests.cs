using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryContentFindingStoreTests : ContentFindingStoreContract
{
    protected override (IContentFindingStore Content, IFindingStore Findings) CreateStores(StoreOptions options)
    {
        var findings = new InMemoryFindingStore();
        return (new InMemoryContentFindingStore(findings), findings);
    }
}
