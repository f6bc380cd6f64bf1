using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Web;

/// <summary>The operator pages.</summary>
internal static class PageEndpoints
{
    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapGet("/", RenderOverviewAsync);
        return app;
    }

    private static async Task<IResult> RenderOverviewAsync(HttpContext context, MatrixInspector inspector, MatrixConfig matrix, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var report = await inspector.InspectAsync(now.ToOffset(matrix.Matrix.TimeZone.GetUtcOffset(now)), ct);
        var english = context.Request.Query["lang"] == "en";
        return Results.Content(OverviewPage.Render(report, matrix.Matrix.Name, english), "text/html; charset=utf-8");
    }
}
