using MediaMatrix.Monitoring.Rounds;

namespace MediaMatrix.Hosting;

/// <summary>The most recent evaluation round of this process, shown by the page and the API until the next one.</summary>
internal sealed class LatestReport
{
    private MatrixReport? _report;

    public MatrixReport? Current => Volatile.Read(ref _report);

    public void Publish(MatrixReport report) => Volatile.Write(ref _report, report);

    /// <summary>Forgets the report after an operator changed what it judges (a finding), so the next page runs a new round.
    /// Other replicas catch up within Web:ReportMaxAge.</summary>
    public void Invalidate() => Volatile.Write(ref _report, null);
}
