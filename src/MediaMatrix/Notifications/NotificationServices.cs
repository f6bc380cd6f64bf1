using MediaMatrix.Digest;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaMatrix.Notifications;

/// <summary>Alert notifications for <c>serve</c>: the validated routes, the sender (the digest's SMTP transport for
/// e-mail), this replica's outbox and the sweep. The alert listener that feeds them is wired with the alert counters
/// (Jobs/InspectionRhythm.cs).</summary>
internal static class NotificationServices
{
    public static IServiceCollection AddAlertNotifications(this IServiceCollection services, IConfiguration settings, MatrixConfig matrix)
    {
        var options = NotificationSettings.Read(settings, matrix);
        services.AddSingleton(options);
        services.TryAddSingleton(settings.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.TryAddSingleton<DigestMailer>();
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
