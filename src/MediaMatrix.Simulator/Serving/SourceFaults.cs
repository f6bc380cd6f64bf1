using MediaMatrix.Simulator.Cast;
using MediaMatrix.Simulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.Simulator.Serving;

/// <summary>The behaviours that answer a source request with something other than its content.</summary>
internal static class SourceFaults
{
    /// <summary>Writes the misbehaviour and returns true when this request gets one.</summary>
    public static async Task<bool> TryMisbehaveAsync(HttpContext context, SimulatedMatrix matrix, SimulatedAccount account, int requestNumber)
    {
        var response = context.Response;
        switch (account.Behaviour)
        {
            case AccountBehaviour.Down:
            case AccountBehaviour.Flaky when requestNumber % 3 == 0:
                await WritePlainAsync(context, StatusCodes.Status503ServiceUnavailable, "503 Service Unavailable: 服务暂时不可用，请稍后再试。");
                return true;
            case AccountBehaviour.RateLimited:
                response.Headers.RetryAfter = "3600";
                await WritePlainAsync(context, StatusCodes.Status429TooManyRequests, "429 Too Many Requests: 访问过于频繁。");
                return true;
            case AccountBehaviour.Blocked:
                response.StatusCode = StatusCodes.Status403Forbidden;
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(ChallengePage, context.RequestAborted);
                return true;
            case AccountBehaviour.RedirectChain:
                response.Redirect($"/redirects/{account.Id}/1");
                return true;
            case AccountBehaviour.RedirectLoop:
                response.Redirect($"/redirects/{account.Id}/loop-a");
                return true;
            case AccountBehaviour.Oversized:
                await HostileBodies.WriteOversizedAsync(context, matrix);
                return true;
            case AccountBehaviour.CompressionBomb:
                await HostileBodies.WriteCompressionBombAsync(context);
                return true;
            case AccountBehaviour.Stalled:
                await HostileBodies.StallAsync(context, matrix);
                return true;
            case AccountBehaviour.Trickle:
                await HostileBodies.TrickleAsync(context, matrix);
                return true;
            case AccountBehaviour.XmlBomb:
                await ConditionalGet.WriteAsync(context, XmlBombRenderer.Render(account, SourceEndpoints.BaseUrlOf(context)));
                return true;
            default:
                return false;
        }
    }

    private static Task WritePlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }

    // Shaped like the JavaScript challenges cloud WAFs put in front of county sites: no posts, a script, a cookie.
    private const string ChallengePage = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>安全验证</title></head>
        <body><div class="verify"><h2>访问验证</h2><p>为保障网站安全，请完成验证后继续访问。</p>
        <div id="captcha">请按住滑块，拖动到最右边</div></div>
        <script>document.cookie="waf_verify=1; path=/";setTimeout(function(){location.reload();},3000);</script>
        </body></html>

        """;
}
