using MediaMatrix.Simulator.Cast;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// Where the redirecting behaviours send a client. The chain is six redirects in all (the source,
/// then hops 1–5) before hop 6 serves the real source, one more than a five-hop limit allows.
/// </summary>
internal static class RedirectEndpoints
{
    public const int ChainLength = 6;

    public static void MapRedirects(this IEndpointRouteBuilder routes, SimulatedMatrix matrix)
    {
        routes.MapGet("/redirects/{id}/{hop}", async context =>
        {
            var account = matrix.Find(context.Request.RouteValues["id"] as string);
            var hop = context.Request.RouteValues["hop"] as string;
            switch (account?.Behaviour, hop)
            {
                case (AccountBehaviour.RedirectLoop, "loop-a"):
                    context.Response.Redirect($"/redirects/{account.Id}/loop-b");
                    break;
                case (AccountBehaviour.RedirectLoop, "loop-b"):
                    context.Response.Redirect($"/redirects/{account.Id}/loop-a");
                    break;
                case (AccountBehaviour.RedirectChain, _) when int.TryParse(hop, out var n) && n is >= 1 and < ChainLength:
                    context.Response.Redirect($"/redirects/{account.Id}/{n + 1}");
                    break;
                case (AccountBehaviour.RedirectChain, _) when hop == ChainLength.ToString(System.Globalization.CultureInfo.InvariantCulture):
                    await SourceEndpoints.WriteContentAsync(context, matrix, account, matrix.Requests.Next(account.Id));
                    break;
                default:
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    break;
            }
        });
    }
}
