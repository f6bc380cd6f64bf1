using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Diagnostics;

namespace MediaMatrix.Hosting;

/// <summary>Counts alerts opened and resolved, by kind (a bounded label: eight kinds). Counts what the store actually changed.</summary>
internal sealed class AlertCounters : IAlertListener
{
    public void Applied(AlertChanges changes)
    {
        foreach (var alert in changes.Opened)
            MatrixMetrics.AlertsOpened.WithLabels(AlertKinds.Name(alert.Kind)).Inc();
        foreach (var alert in changes.Resolved)
            MatrixMetrics.AlertsResolved.WithLabels(AlertKinds.Name(alert.Kind)).Inc();
    }
}
