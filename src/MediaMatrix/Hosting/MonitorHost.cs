using MediaMatrix.Jobs;
using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Web;
using Prometheus;
using Quartz;

namespace MediaMatrix.Hosting;

/// <summary>
/// The <c>serve</c> process: Quartz runs the poll dispatcher and the periodic evaluation; the web side
/// serves the matrix page, the report API, /metrics and /healthz. Reads like a table of contents.
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
        builder.Services.AddHostedService<ScheduleOnStart>();
        AddScheduler(builder.Services, settings);

        var app = builder.Build();
        app.Use(SecurityHeaders.Apply);
        app.MapGet("/", RenderOverviewAsync);
        app.MapGet("/api/v1/report", async (MatrixInspector inspector, TimeProvider time, CancellationToken ct) =>
            Results.Text(Reports.CheckReport.ToJson(await inspector.InspectAsync(time.GetUtcNow(), ct)), "application/json; charset=utf-8"));
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapMetrics("/metrics");
        return app;
    }

    private static void AddScheduler(IServiceCollection services, IConfiguration settings)
    {
        var dispatchEvery = settings.GetValue("Scheduler:DispatchInterval", TimeSpan.FromSeconds(15));
        var evaluateEvery = settings.GetValue("Scheduler:EvaluationInterval", TimeSpan.FromMinutes(5));
        services.AddQuartz(q =>
        {
            q.AddJob<PollDispatchJob>(j => j.WithIdentity(PollDispatchJob.Key));
            q.AddTrigger(t => t.ForJob(PollDispatchJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(dispatchEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<EvaluationJob>(j => j.WithIdentity(EvaluationJob.Key));
            q.AddTrigger(t => t.ForJob(EvaluationJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(evaluateEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    private static async Task<IResult> RenderOverviewAsync(HttpContext context, MatrixInspector inspector, MatrixConfig matrix, TimeProvider time, CancellationToken ct)
    {
        var report = await inspector.InspectAsync(time.GetUtcNow().ToOffset(matrix.Matrix.TimeZone.GetUtcOffset(time.GetUtcNow())), ct);
        var english = context.Request.Query["lang"] == "en";
        return Results.Content(OverviewPage.Render(report, matrix.Matrix.Name, english), "text/html; charset=utf-8");
    }

    /// <summary>Puts every configured account into the due index before the first dispatch.</summary>
    private sealed class ScheduleOnStart(PollDispatcher dispatcher) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => dispatcher.ScheduleAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
