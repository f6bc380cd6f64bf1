using MediaMatrix.Access;
using MediaMatrix.Api;
using MediaMatrix.Jobs;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Notifications;
using MediaMatrix.Web;

namespace MediaMatrix.Hosting;

/// <summary>
/// The <c>serve</c> process: Quartz runs the poll dispatcher and the periodic evaluation; the web side
/// serves the pages, the JSON API, /metrics and /healthz. Reads like a table of contents.
/// </summary>
internal static class MonitorHost
{
    public static WebApplication Build(IConfiguration settings, MatrixConfig matrix, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(settings);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        overrides?.Invoke(builder.Services);
        builder.Services.AddMonitoring(settings, matrix);
        builder.Services.AddSingleton<LatestReport>();
        builder.Services.AddSingleton<MatrixGauges>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddScrapeTimeMetrics(settings);
        builder.Services.AddHostedService<ScheduleOnStart>();
        builder.Services.AddSingleton<MediaMatrix.Monitoring.Rhythm.IBulletinPublisher, FileBulletinPublisher>();
        builder.Services.AddScheduling(settings);
        builder.Services.AddAlertNotifications(settings, matrix);
        builder.Services.AddAccessControl(settings);
        builder.Services.AddWorkplace();

        var app = builder.Build();
        app.UseMetricsPort(MetricsPort.Read(settings));
        app.Use(SecurityHeaders.Apply);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Routing first so each endpoint's body limit is known before anyone reads a body (UseAccessControl's own
        // UseRouting then finds the endpoint already chosen and passes through).
        app.UseRouting();
        app.UseBodyLimits();
        app.UseAccessControl();
        app.MapPages();
        app.MapApi();
        app.MapAdmin();
        app.MapHealth();
        return app;
    }

    /// <summary>Puts every configured account into the due index before the first dispatch.</summary>
    private sealed class ScheduleOnStart(PollDispatcher dispatcher) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => dispatcher.ScheduleAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
