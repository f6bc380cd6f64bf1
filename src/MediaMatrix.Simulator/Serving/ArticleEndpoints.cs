using System.Globalization;
using System.Net;
using MediaMatrix.Simulator.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// The page each post links to, so link checks and task evidence links resolve. A post that is
/// not yet published is 404, like one that never existed.
/// </summary>
internal static class ArticleEndpoints
{
    public static void MapArticles(this IEndpointRouteBuilder routes, SimulatedMatrix matrix)
    {
        routes.MapGet("/sites/{id}/art/{year}/{month}/{day}/art_{number:long}.html", context => ServeAsync(context, matrix));
        routes.MapGet("/posts/{id}/{number:long}.html", context => ServeAsync(context, matrix));
    }

    private static async Task ServeAsync(HttpContext context, SimulatedMatrix matrix)
    {
        var account = matrix.Find(context.Request.RouteValues["id"] as string);
        var number = long.Parse((string)context.Request.RouteValues["number"]!, CultureInfo.InvariantCulture);
        var post = account is null ? null : matrix.History.Find(account, number, matrix.Clock.GetUtcNow());
        if (account is null || post is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var published = ChinaTime.ToChina(post.Published).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(post.Title)}</title></head>
            <body><h1 class="article-title">{WebUtility.HtmlEncode(post.Title)}</h1>
            <div class="article-info">来源：{WebUtility.HtmlEncode(account.Name)}　发布时间：<span class="pub-time">{published}</span></div>
            <div class="article-content"><p>{WebUtility.HtmlEncode(PostBodies.ArticleText(account, post))}</p></div>
            <script>var pageViews = "13800000000";</script></body></html>

            """,
            context.RequestAborted);
    }
}
