using MediaMatrix.Access;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Worklist;
using MediaMatrix.Web.Pages;

namespace MediaMatrix.Web;

/// <summary>The operator pages. Reading needs a login; changing anything needs the operator role (policy <see cref="Roles.Operate"/>).</summary>
internal static class PageEndpoints
{
    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapLogin();
        app.MapGet("/", OverviewAsync);
        app.MapGet("/accounts/{id}", AccountAsync);
        app.MapGet("/cleanup", CleanupAsync);
        app.MapPost("/cleanup/{id}", DecideAsync).RequireAuthorization(Roles.Operate);
        app.MapPost("/cleanup/cases/{id}/steps/{step}", RecordStepAsync).RequireAuthorization(Roles.Operate);
        app.MapAlertPages();
        app.MapFindingForms();
        app.MapContentFindingForms();
        app.MapGet("/tasks", TasksAsync);
        app.MapPost("/tasks", CreateTaskAsync).RequireAuthorization(Roles.Operate);
        app.MapPost("/tasks/completions", RecordCompletionAsync).RequireAuthorization(Roles.Operate);
        app.MapReports();
        return app;
    }

    private static async Task<IResult> OverviewAsync(
        HttpContext context, MatrixView view, IPostStore postStore, IContentFindingStore findings, ICaseStore cases, IAlertStore alerts,
        PassRateHistory passRate, AssessmentOptions options, CancellationToken ct)
    {
        var lang = Lang.Of(context);
        var report = await view.ReportAsync(ct);
        var filter = OverviewFilter.Of(context.Request.Query);
        var posts = await view.PostsAsync(report.Accounts.Where(r => filter.Matches(r.Account, r.Evaluation)).Select(r => r.Account.Id), TimeSpan.FromDays(90), ct);
        // One read of the open alerts serves both the per-account counts and the work list.
        var open = await alerts.GetOpenAlertsAsync(ct);
        return PageResults.Render<Overview>(context, lang, new()
        {
            ["MatrixName"] = view.Matrix.Matrix.Name,
            ["Report"] = report,
            ["Filter"] = filter,
            ["Posts"] = posts,
            ["OpenAlerts"] = OpenAlerts.Counts(open),
            ["Now"] = view.Now,
            ["Work"] = TodaysWork.Of(report, await findings.GetContentFindingsAsync(ct), await cases.GetCasesAsync(ct), open,
                options.EarlyWarningWorkingDays, view.Now),
            ["Weeks"] = await passRate.WeeklyAsync(ct),
            ["Progress"] = await FirstRound.ProgressAsync(report, postStore, ct),
        });
    }

    private static async Task<IResult> AccountAsync(
        string id, HttpContext context, MatrixView view, IPostStore posts, IEvaluationStore evaluations, IContentFindingStore contentFindings,
        IFindingStore findings, IAlertStore alerts, IDecisionStore decisions, AssessmentOptions options, CancellationToken ct)
    {
        var lang = Lang.Of(context);
        var report = await view.ReportAsync(ct);
        var row = report.Accounts.FirstOrDefault(r => r.Account.Id == id);
        if (row.Account is null)
        {
            return PageResults.Problem(context, lang, "404", PageResults.Strings(context)["没有这个账号"], 404, heading: "404", back: "/");
        }

        var grid = await view.CompletionsAsync(ct);
        var open = (await alerts.GetOpenAlertsAsync(ct)).Where(a => a.Subject == id || a.Accounts.Contains(id));
        return PageResults.Render<AccountPage>(context, lang, new()
        {
            ["Account"] = row.Account,
            ["Evaluation"] = row.Evaluation,
            ["History"] = await evaluations.GetEvaluationHistoryAsync(id, 90, ct),
            ["WeakThreshold"] = options.Stability.WeakThreshold,
            ["Poll"] = (await posts.GetPollStatesAsync([id], ct)).GetValueOrDefault(id),
            ["Posts"] = await posts.GetPostsAsync(id, view.Now.AddDays(-30), ct),
            ["Tasks"] = grid.Tasks.Select(t => (Task: t, Cell: grid.Cell(t.Id, id))).Where(x => x.Cell is not null).Select(x => (x.Task, x.Cell!)).ToList(),
            ["ContentFindings"] = (await contentFindings.GetContentFindingsAsync(ct)).Where(f => f.AccountId == id).ToList(),
            ["ManualFindings"] = (await findings.GetFindingsAsync(ct)).Where(f => f.AccountId == id).ToList(),
            ["Alerts"] = AlertsPage.Queue(open).ToList(),
            ["Decisions"] = await decisions.GetDecisionsAsync(id, ct),
            ["Operate"] = context.User.CanOperate(),
            ["Now"] = view.Now,
        });
    }

    private static async Task<IResult> CleanupAsync(HttpContext context, MatrixView view, ICaseStore cases, CaseService service, CancellationToken ct)
    {
        var lang = Lang.Of(context);
        var report = await view.ReportAsync(ct);
        return PageResults.Render<Cleanup>(context, lang, new()
        {
            ["Report"] = report,
            ["Decisions"] = await CleanupDecisions.LatestAsync(context, ct),
            ["Operate"] = context.User.CanOperate(),
            ["Cases"] = await cases.GetCasesAsync(ct),
            ["Matrix"] = view.Matrix,
            ["Now"] = view.Now,
            ["ShowClosedFor"] = service.Options.ShowClosedFor,
        });
    }

    private static async Task<IResult> RecordStepAsync(string id, string step, HttpContext context, MatrixView view, ICaseStore cases, CaseService service, TimeProvider time, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        if (await cases.GetCaseAsync(id, ct) is not { } current)
        {
            return Results.NotFound();
        }

        var (record, error) = CaseInput.Read(current, step, form["at"], form["link"], form["reference"], form["target"], form["note"], view.Matrix, context.User.Identity!.Name!, time.GetUtcNow());
        if (error is null)
        {
            (_, error) = await service.RecordAsync(id, record!, ct);
        }

        if (error is not null)
        {
            return CleanupRefused(context, error);
        }

        view.Changed();
        return Results.Redirect("/cleanup#cases");
    }

    private static async Task<IResult> DecideAsync(string id, HttpContext context, MatrixView view, IDecisionStore decisions, CaseService cases, TimeProvider time, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var row = (await view.ReportAsync(ct)).Accounts.FirstOrDefault(r => r.Account.Id == id);
        if (row.Account is null)
        {
            return Results.NotFound();
        }

        var (decision, error) = DecisionInput.Read(id, row.Evaluation, form["action"], form["kind"], form["reason"], context.User.Identity!.Name!, time.GetUtcNow());
        if (error is not null)
        {
            return CleanupRefused(context, error);
        }

        await decisions.SaveDecisionAsync(decision!, ct);
        await cases.DecidedAsync(decision!, row.Evaluation.Disposition, ct);
        view.Changed();
        return Results.Redirect("/cleanup");
    }

    private static async Task<IResult> TasksAsync(HttpContext context, MatrixView view, CancellationToken ct, string? message = null)
    {
        var lang = Lang.Of(context);
        var grid = await view.CompletionsAsync(ct);
        return PageResults.Render<Tasks>(context, lang, new()
        {
            ["Grid"] = grid,
            ["Matrix"] = view.Matrix,
            ["Operate"] = context.User.CanOperate(),
            ["Message"] = message,
        }, message is null ? 200 : 400);
    }

    private static async Task<IResult> CreateTaskAsync(HttpContext context, MatrixView view, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var input = TaskInput.Read(form["title"], form["link"], form["hours"], null, view.Matrix, view.Now);
        if (input.Error is { } error)
        {
            return await TasksAsync(context, view, ct, error);
        }

        if (!await view.Tasks.AddAsync(input.Task!, context.User.Identity!.Name!, ct))
        {
            return await TasksAsync(context, view, ct, "id: already used by a configured task");
        }

        view.Changed();
        return Results.Redirect("/tasks");
    }

    private static async Task<IResult> RecordCompletionAsync(HttpContext context, MatrixView view, ITaskStore store, TimeProvider time, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        if (await view.Tasks.FindAsync(form["taskId"].ToString(), ct) is not { } task)
        {
            return await TasksAsync(context, view, ct, "taskId: unknown task");
        }

        var (record, error) = CompletionInput.Read(task, form["accountId"], form["evidence"], null, form["note"], view.Matrix, context.User.Identity!.Name!, time.GetUtcNow());
        if (error is not null)
        {
            return await TasksAsync(context, view, ct, error);
        }

        await store.SaveManualCompletionAsync(record!, ct);
        view.Changed();
        return Results.Redirect("/tasks");
    }

    private static IResult CleanupRefused(HttpContext context, string error) =>
        PageResults.Problem(context, Lang.Of(context), PageResults.Strings(context)["清理看板"], error, 400, back: "/cleanup");
}
