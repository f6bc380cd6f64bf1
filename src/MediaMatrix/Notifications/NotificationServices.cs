using MediaMatrix.Digest;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Notifications;

/// <summary>Alert notifications for <c>serve</c>: the validated routes, the sender (the SMTP transport of
/// <see cref="DigestServices.AddSmtp"/> for e-mail), this replica's outbox and the sweep, and the alert listener that
/// feeds them (beside the counters of <c>AddAlerts</c>).</summary>
internal static class NotificationServices
{
    public static IServiceCollection AddAlertNotifications(this IServiceCollection services, IConfiguration settings, MatrixConfig matrix)
    {
        var options = NotificationSettings.Read(settings, matrix);
        services.AddSingleton(options);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<NoticeSender>(sp, NoticeSender.CreateClient(options)));
        services.AddSingleton<NoticeOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeOutbox>());
        services.AddSingleton<NoticeSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeSweep>());
        services.AddSingleton<AlertNotices>();
        services.AddSingleton<IAlertListener>(sp => sp.GetRequiredService<AlertNotices>());
        return services;
    }
}
