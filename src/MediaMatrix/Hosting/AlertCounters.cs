using MediaMatrix.Monitoring.Alerts;
using Prometheus;

namespace MediaMatrix.Hosting;

/// <summary>Alerts opened and resolved, by kind (a bounded label: eight kinds). Counts what the store actually changed.</summary>
internal sealed class AlertCounters : IAlertListener
{
    private static readonly Counter Opened = Metrics.CreateCounter("mediamatrix_alerts_opened_total", "Alerts opened, by kind.", "kind");
    private static readonly Counter Resolved = Metrics.CreateCounter("mediamatrix_alerts_resolved_total", "Alerts resolved (automatically or by an operator after an evaluation), by kind.", "kind");

    public void Applied(AlertChanges changes)
    {
        foreach (var alert in changes.Opened)
            Opened.WithLabels(AlertKinds.Name(alert.Kind)).Inc();
        foreach (var alert in changes.Resolved)
            Resolved.WithLabels(AlertKinds.Name(alert.Kind)).Inc();
    }
}
