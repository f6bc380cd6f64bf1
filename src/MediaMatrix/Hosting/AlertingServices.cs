using MediaMatrix.Monitoring.Alerts;

namespace MediaMatrix.Hosting;

/// <summary>Alerting: the rules' thresholds (<c>Alerts</c>) and the service that stores what an evaluation round's rules
/// change and carries operators' actions. Listeners are an enumerable: the counters here, the notices when <c>serve</c> adds notifications.</summary>
internal static class AlertingServices
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(SettingsSection.Read<AlertOptions>(settings, "Alerts", o => o.Validate()));
        services.AddSingleton<IAlertListener, AlertCounters>();
        services.AddSingleton<AlertService>();
        return services;
    }
}
