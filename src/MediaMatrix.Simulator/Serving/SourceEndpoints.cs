using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// The sources a monitor polls. An account answers only at the path of its cast format: count
/// the request → misbehave if the behaviour says so → render the visible page → conditional GET.
/// </summary>
internal static class SourceEndpoints
{
    public static void MapSources(this IEndpointRouteBuilder routes, SimulatedMatrix matrix)
    {
        routes.MapGet("/feeds/{id}/rss.xml", context => ServeAsync(context, matrix, SourceFormat.Rss));
        routes.MapGet("/feeds/{id}/atom.xml", context => ServeAsync(context, matrix, SourceFormat.Atom));
        routes.MapGet("/feeds/{id}/feed.json", context => ServeAsync(context, matrix, SourceFormat.JsonFeed));
        routes.MapGet("/sites/{id}/list.html", context => ServeAsync(context, matrix, SourceFormat.HtmlList));
    }

    /// <summary>The account's source as it looks now, without any fault; also the end of a redirect chain.</summary>
    public static Task WriteContentAsync(HttpContext context, SimulatedMatrix matrix, SimulatedAccount account, int requestNumber)
    {
        var posts = matrix.LatestPage(account);
        var request = new RenderRequest(account, posts, BaseUrlOf(context), requestNumber, matrix.Clock.GetUtcNow() - matrix.Started);
        var rendered = account.Format switch
        {
            SourceFormat.Rss => RssRenderer.Render(request),
            SourceFormat.Atom => AtomRenderer.Render(request),
            SourceFormat.JsonFeed => JsonFeedRenderer.Render(request),
            _ => HtmlListRenderer.Render(request),
        };
        return ConditionalGet.WriteAsync(context, rendered);
    }

    /// <summary>The simulator's URL as this client reached it, so links work whatever host name it used.</summary>
    public static Uri BaseUrlOf(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    private static async Task ServeAsync(HttpContext context, SimulatedMatrix matrix, SourceFormat format)
    {
        var account = matrix.Find(context.Request.RouteValues["id"] as string);
        if (account is null || account.Format != format)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // A platform that is down answers before the account's own behaviour, and without counting the request: a layout
        // change due after n requests still comes after n real answers.
        if (await matrix.Outages.TryAnswerAsync(context, account.Platform, matrix.Clock.GetUtcNow() - matrix.Started))
        {
            return;
        }

        var requestNumber = matrix.Requests.Next(account.Id);
        if (!await SourceFaults.TryMisbehaveAsync(context, matrix, account, requestNumber))
        {
            await WriteContentAsync(context, matrix, account, requestNumber);
        }
    }
}
