namespace MediaMatrix.Monitoring.Alerts;

/// <summary>Told what the store actually changed (a re-applied change is not counted twice); the host counts them for /metrics.</summary>
public interface IAlertListener
{
    void Applied(AlertChanges changes);
}
