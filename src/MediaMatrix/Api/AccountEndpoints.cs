using MediaMatrix.Access;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Web;

namespace MediaMatrix.Api;

/// <summary>/api/v1/accounts, their evaluations and posts. Scraped text goes out as JSON strings, raw: consumers encode for their medium.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts", async (HttpRequest request, MatrixView view, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            if (error is not null)
            {
                return error;
            }

            var verdict = request.Query["verdict"].ToString();
            if (verdict.Length > 0 && !Enum.TryParse<Verdict>(verdict, ignoreCase: true, out _))
            {
                return Problems.BadField("verdict", "one of qualified, unqualified, unknown");
            }

            var report = await view.ReportAsync(ct);
            var rows = report.Accounts
                .Where(r => verdict.Length == 0 || string.Equals(r.Evaluation.Verdict.ToString(), verdict, StringComparison.OrdinalIgnoreCase))
                .Select(r => Summary(r.Account, r.Evaluation)).ToList();
            return Results.Json(paging.Of(rows));
        });
        api.MapGet("/accounts/{id}", async (string id, MatrixView view, CancellationToken ct) =>
        {
            var row = (await view.ReportAsync(ct)).Accounts.FirstOrDefault(r => r.Account.Id == id);
            return row.Account is null ? NotFound("account", id) : Results.Json(new { account = Summary(row.Account, row.Evaluation), evaluation = row.Evaluation });
        });
        api.MapGet("/accounts/{id}/evaluations", async (string id, MatrixView view, IEvaluationStore evaluations, CancellationToken ct) =>
            view.Account(id) is null ? NotFound("account", id) : Results.Json(await evaluations.GetEvaluationHistoryAsync(id, 200, ct)));
        api.MapGet("/accounts/{id}/posts", async (string id, HttpRequest request, MatrixView view, IPostStore posts, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            var days = 30;
            if (error is not null)
            {
                return error;
            }

            if (request.Query.TryGetValue("days", out var d) && (!int.TryParse(d, out days) || days is < 1 or > 400))
            {
                return Problems.BadField("days", "a whole number from 1 to 400");
            }

            return view.Account(id) is null ? NotFound("account", id) : Results.Json(paging.Of(await posts.GetPostsAsync(id, view.Now.AddDays(-days), ct)));
        });
        api.MapGet("/evaluations", async (HttpRequest request, MatrixView view, CancellationToken ct) =>
        {
            var (paging, error) = Paging.Read(request);
            return error ?? Results.Json(paging.Of((await view.ReportAsync(ct)).Accounts.Select(r => r.Evaluation).ToList()));
        });
        return api;
    }

    public static IResult NotFound(string what, string id) => Results.Problem(statusCode: 404, title: $"No such {what}", detail: $"{what} '{id}' does not exist");

    private static object Summary(Account a, Evaluation e) => new
    {
        id = a.Id,
        name = a.Name,
        department = a.Department,
        platform = a.Platform,
        tier = a.Tier,
        verdict = e.Verdict,
        score = e.Score,
        grade = e.Grade,
        lastPostAt = e.LastPostAt,
        weak = e.Weak,
        zombie = e.Zombie,
        dormant = e.Dormant,
        disposition = e.Disposition?.Kind,
    };
}
