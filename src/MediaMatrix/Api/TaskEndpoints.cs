using MediaMatrix.Access;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Web;

namespace MediaMatrix.Api;

/// <summary>/api/v1/tasks: list, create, the completion grid, manual completions.</summary>
internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", async (HttpRequest request, MatrixView view, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            return error ?? Results.Json(paging.Of(await view.Tasks.AllAsync(ct)));
        });
        api.MapPost("/tasks", async (NewTask body, MatrixView view, HttpContext context, CancellationToken ct) =>
        {
            var input = TaskInput.Read(body.Title, body.Link, body.Hours?.ToString(System.Globalization.CultureInfo.InvariantCulture), body.Assignees, view.Matrix, view.Now);
            if (input.Error is { } error)
            {
                return Problems.BadInput(error);
            }

            if (!await view.Tasks.AddAsync(input.Task!, context.User.Identity!.Name!, ct))
            {
                return Problems.BadField("id", "already used by a configured task");
            }

            view.Changed();
            return Results.Json(input.Task, statusCode: 201);
        }).RequireAuthorization(Roles.Operate);
        api.MapGet("/tasks/{id}/completions", async (string id, MatrixView view, CancellationToken ct) =>
        {
            if (await view.Tasks.FindAsync(id, ct) is null)
            {
                return AccountEndpoints.NotFound("task", id);
            }

            var grid = await view.CompletionsAsync(ct);
            return Results.Json(grid.AccountIds.Select(a => grid.Cell(id, a)).OfType<TaskCompletion>().ToList());
        });
        api.MapPost("/tasks/{id}/completions", async (string id, NewCompletion body, MatrixView view, ITaskStore store, HttpContext context, TimeProvider time, CancellationToken ct) =>
        {
            if (await view.Tasks.FindAsync(id, ct) is not { } task)
            {
                return AccountEndpoints.NotFound("task", id);
            }

            var (record, error) = CompletionInput.Read(task, body.AccountId, body.Evidence, body.CompletedAt, body.Note, view.Matrix, context.User.Identity!.Name!, time.GetUtcNow());
            if (error is not null)
            {
                return Problems.BadInput(error);
            }

            await store.SaveManualCompletionAsync(record!, ct);
            view.Changed();
            return Results.Json(record, statusCode: 201);
        }).RequireAuthorization(Roles.Operate);
        return api;
    }

    internal sealed record NewTask(string? Title, string? Link, int? Hours, IReadOnlyList<string?>? Assignees);

    internal sealed record NewCompletion(string? AccountId, string? Evidence, DateTimeOffset? CompletedAt, string? Note);
}
