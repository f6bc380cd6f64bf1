using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// The sources a monitor polls. An account answers only at the path of its cast format: count
/// the request → fail it if the behaviour says so → render the visible page → conditional GET.
/// </summary>
internal static class SourceEndpoints
{
    public static void MapSources(this IEndpointRouteBuilder routes, SimulatedMatrix matrix)
    {
        routes.MapGet("/feeds/{id}/rss.xml", context => ServeAsync(context, matrix, SourceFormat.Rss, RssRenderer.Render));
        routes.MapGet("/feeds/{id}/atom.xml", context => ServeAsync(context, matrix, SourceFormat.Atom, AtomRenderer.Render));
        routes.MapGet("/feeds/{id}/feed.json", context => ServeAsync(context, matrix, SourceFormat.JsonFeed, JsonFeedRenderer.Render));
        routes.MapGet("/sites/{id}/list.html", context => ServeAsync(context, matrix, SourceFormat.HtmlList, HtmlListRenderer.Render));
    }

    private static async Task ServeAsync(HttpContext context, SimulatedMatrix matrix, SourceFormat format, Func<RenderRequest, RenderedSource> render)
    {
        var account = matrix.Find(context.Request.RouteValues["id"] as string);
        if (account is null || account.Format != format)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var requestNumber = matrix.Requests.Next(account.Id);
        if (await SourceFaults.TryFailAsync(context, account, requestNumber))
        {
            return;
        }

        var posts = matrix.PublishedNow(account).Take(SimulatedMatrix.PageSize).ToList();
        var baseUrl = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        var request = new RenderRequest(account, posts, baseUrl, requestNumber, matrix.Clock.GetUtcNow() - matrix.Started);
        await ConditionalGet.WriteAsync(context, render(request));
    }
}
