using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Hosting;

/// <summary>
/// Hands each evaluation to /metrics through the store: one snapshot per account, which <see cref="ScrapeTimeSeries"/>
/// reads at scrape time. Setting gauges here instead would make each replica export only what it evaluated itself.
/// </summary>
internal sealed class MatrixGauges(IEvaluationStore store)
{
    public Task PublishAsync(MatrixReport report, CancellationToken cancellationToken) =>
        store.SaveAccountSnapshotsAsync([.. report.Accounts.Select(a => AccountSnapshot.Of(a.Evaluation))], cancellationToken);
}
