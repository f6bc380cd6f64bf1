using MediaMatrix.Access;
using MediaMatrix.Api;
using MediaMatrix.Jobs;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Digest;
using MediaMatrix.Notifications;
using MediaMatrix.Web;

namespace MediaMatrix.Hosting;

/// <summary>
/// The <c>serve</c> process: Quartz runs the poll dispatcher and the periodic evaluation; the web side
/// serves the pages, the JSON API, /metrics and /healthz. Reads like a table of contents: every feature registers
/// itself once, in this order, and checks its own settings section, so a bad setting stops <see cref="Build"/>.
/// </summary>
internal static class MonitorHost
{
    /// <param name="overrides">For tests, like ASP.NET Core's ConfigureTestServices: runs after every registration, so
    /// it can replace any service (<c>services.Replace</c>, or RemoveAll then Add).</param>
    public static WebApplication Build(IConfiguration settings, MatrixConfig matrix, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(settings);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        var services = builder.Services;
        services.AddMatrix(matrix);
        services.AddStore(settings);
        services.AddCollection(settings);
        services.AddEvaluation(settings);
        services.AddAlerts(settings);
        services.AddSmtp(settings);
        services.AddAlertNotifications(settings, matrix);
        services.AddWeeklyDigest(settings);
        services.AddInspectionRounds(settings);
        services.AddScheduling(settings);
        services.AddAccessControl(settings);
        services.AddWorkplace(settings);
        services.AddMetrics(settings);
        overrides?.Invoke(services);

        var app = builder.Build();
        app.UseMetricsPort(MetricsPort.Read(settings));
        app.Use(SecurityHeaders.Apply);
        app.UsePageCulture();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Routing first so each endpoint's body limit is known before anyone reads a body (UseAccessControl's own
        // UseRouting then finds the endpoint already chosen and passes through).
        app.UseRouting();
        app.UseBodyLimits();
        app.UseAccessControl();
        app.UseScrapeTimeSeries();
        app.MapPages();
        app.MapApi();
        app.MapAdmin();
        app.MapHealth();
        return app;
    }
}
