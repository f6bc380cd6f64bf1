using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// The URL the XML bomb's external entity points at. A reader that resolves external entities
/// calls it; the count (<see cref="SimulatorHost.CanaryHits"/>) must stay 0 (reliability.md F9).
/// </summary>
internal static class CanaryEndpoints
{
    public static void MapCanary(this IEndpointRouteBuilder routes, SimulatedMatrix matrix) =>
        routes.MapGet("/canary/{id}", () =>
        {
            matrix.CountCanaryHit();
            return "canary";
        });
}
