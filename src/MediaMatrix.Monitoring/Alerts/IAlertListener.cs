namespace MediaMatrix.Monitoring.Alerts;

/// <summary>Told what the store actually changed (a re-applied change is not counted twice, and a change two instances
/// race to apply is told to one of them); the host counts them for /metrics and queues their notices (docs/alerts.md).</summary>
public interface IAlertListener
{
    void Applied(AlertChanges changes);
}
