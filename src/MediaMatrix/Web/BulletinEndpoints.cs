using MediaMatrix.Access;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaMatrix.Web;

/// <summary>
/// The reports page and its bulletins: operators generate a month's or a quarter's bulletin with a form (the operator role,
/// and the antiforgery token every form carries), through the same <see cref="BulletinService"/> and
/// <see cref="BulletinFiles"/> as the <c>bulletin</c> verb and the quarterly job; anyone logged in lists and downloads them.
/// </summary>
internal static class BulletinEndpoints
{
    // One bulletin generated at a time: two operators asking for the same period must not interleave their files, and a
    // round over the whole matrix is not something to run twice at once.
    private static readonly SemaphoreSlim Generating = new(1, 1);

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGet("/reports", (HttpContext context, MatrixView view, IConfiguration settings) => Page(context, view, settings));
        app.MapGet("/reports/overview.csv", async (MatrixView view, CancellationToken ct) =>
            Results.Text(ReportsPage.Csv(await view.ReportAsync(ct), view.Matrix.Matrix.TimeZone), "text/csv; charset=utf-8"));
        app.MapPost("/reports/bulletins", GenerateAsync).RequireAuthorization(Roles.Operate);
        app.MapGet("/reports/bulletins/{name}", (string name, IConfiguration settings) =>
            BulletinFolder.Find(settings, name) is { } file
                ? Results.File(Path.GetFullPath(file.Path), BulletinFiles.ContentType(file.Format), name)
                : Results.NotFound());
        app.MapGet("/api/v1/bulletins", (IConfiguration settings) => Results.Json(BulletinFolder.List(settings).Select(r => new
        {
            r.Period,
            r.Kind,
            r.Pack,
            r.PackTitle,
            r.GeneratedAt,
            r.EvaluatedAt,
            Files = r.Formats.Select(f => new { Format = f, Name = BulletinFiles.FileName(r.Period, f), Url = Html.Local("/reports/bulletins", BulletinFiles.FileName(r.Period, f)) }),
        })));
        return app;
    }

    private static RazorComponentResult<Pages.Reports> Page(HttpContext context, MatrixView view, IConfiguration settings, string? error = null)
    {
        var lang = Lang.Of(context);
        return PageResults.Render<Pages.Reports>(context, lang, new()
        {
            ["Bulletins"] = BulletinFolder.List(settings),
            ["Suggested"] = CurrentQuarter(view),
            ["Operate"] = context.User.CanOperate(),
            ["Error"] = error,
        }, error is null ? 200 : 400);
    }

    private static async Task<IResult> GenerateAsync(HttpContext context, MatrixView view, BulletinService bulletins, IConfiguration settings, TimeProvider time, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var lang = Lang.Of(context);
        var zone = view.Matrix.Matrix.TimeZone;
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var (period, error) = BulletinInput.Read(form["kind"], form["period"], zone, now, PageResults.Strings(context));
        if (error is not null)
            return Page(context, view, settings, error);

        await Generating.WaitAsync(ct);
        try
        {
            var bulletin = await bulletins.CreateAsync(period, now, ct);
            await BulletinFiles.WriteAsync(bulletin, BulletinFolder.Directory(settings), BulletinFiles.Formats, TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone), ct);
        }
        finally
        {
            Generating.Release();
        }

        return Results.Redirect("/reports#bulletins");
    }

    private static string CurrentQuarter(MatrixView view)
    {
        var local = TimeZoneInfo.ConvertTime(view.Now, view.Matrix.Matrix.TimeZone);
        return BulletinPeriod.Quarter(local.Year, (local.Month - 1) / 3 + 1).Label;
    }
}
