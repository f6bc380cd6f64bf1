using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Hosting;

/// <summary>Alerting: the rules' thresholds (<c>Alerts</c>), the task standings they watch, and the service that opens and
/// resolves alerts. Listeners are an enumerable: the counters here, the notices when <c>serve</c> adds notifications.</summary>
internal static class AlertingServices
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(SettingsSection.Read<AlertOptions>(settings, "Alerts", o => o.Validate()));
        services.AddSingleton<IAlertListener, AlertCounters>();
        services.AddSingleton<TaskStandings>();
        services.AddSingleton<AlertService>();
        return services;
    }
}
