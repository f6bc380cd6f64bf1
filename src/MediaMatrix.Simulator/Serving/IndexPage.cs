using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MediaMatrix.Simulator.Serving;

/// <summary><c>/</c> for humans: the cast with each account's source link and behaviour; <c>/healthz</c> for scripts.</summary>
internal static class IndexPage
{
    public static void MapIndex(this IEndpointRouteBuilder routes, SimulatedMatrix matrix)
    {
        routes.MapGet("/healthz", () => "ok");
        routes.MapGet("/", context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Render(matrix), context.RequestAborted);
        });
    }

    private static string Render(SimulatedMatrix matrix)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>MediaMatrix 模拟矩阵</title></head><body>\n")
            .Append("<h1>MediaMatrix 模拟矩阵 / simulated matrix</h1>\n")
            .Append("<p>anchor ").Append(matrix.History.Anchor.ToString("u")).Append(", now ").Append(matrix.Clock.GetUtcNow().ToString("u")).Append("</p>\n")
            .Append("<table border=\"1\"><tr><th>id</th><th>name</th><th>platform</th><th>tier</th><th>department</th><th>behaviour</th><th>source</th></tr>\n");
        foreach (var account in matrix.Cast)
        {
            html.Append("<tr><td>").Append(account.Id).Append("</td><td>").Append(WebUtility.HtmlEncode(account.Name))
                .Append("</td><td>").Append(account.Platform).Append("</td><td>").Append(account.Tier)
                .Append("</td><td>").Append(WebUtility.HtmlEncode(account.Department)).Append("</td><td>").Append(account.Behaviour)
                .Append("</td><td><a href=\"/").Append(account.SourcePath).Append("\">/").Append(account.SourcePath).Append("</a></td></tr>\n");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
    }
}
