using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Storage;

public sealed class InMemoryAlertStoreTests : AlertStoreContract
{
    protected override IAlertStore CreateStore(StoreOptions options) => new InMemoryAlertStore();

    protected override IDecisionStore CreateDecisionStore(StoreOptions options) => new InMemoryDecisionStore();

    protected override IPeriodClaimStore CreatePeriodClaimStore(StoreOptions options) => new InMemoryPeriodClaimStore();
}
