using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Hosting;

/// <summary>Tells every listener (the counters, the notices) what the store changed; AlertService takes one.</summary>
internal sealed class AlertListeners(IReadOnlyList<IAlertListener> listeners) : IAlertListener
{
    public void Applied(AlertChanges changes)
    {
        foreach (var listener in listeners)
            listener.Applied(changes);
    }
}
