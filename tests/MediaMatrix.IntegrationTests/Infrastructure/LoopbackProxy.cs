using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>
/// A forward HTTP proxy on 127.0.0.1 that counts what it is asked: it answers absolute-form requests
/// (<c>GET http://host:port/path HTTP/1.1</c>, what a client sends to an HTTP proxy for an http URL) by
/// fetching the target itself, directly, and relaying the answer. Enough to see whether a client used it.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false });
    private readonly ConcurrentQueue<string> _targets = new();
    private LoopbackServer _server = null!;

    private LoopbackProxy()
    {
    }

    /// <summary>The proxy's own address, for <c>Fetch:Proxy</c> or <c>HTTP_PROXY</c>.</summary>
    public Uri Url => _server.BaseUrl;

    /// <summary>Requests that reached the proxy, whatever they asked for.</summary>
    public int Requests => _server.Requests;

    /// <summary>The request targets the proxy was asked for, in order.</summary>
    public IReadOnlyList<string> Targets => [.. _targets];

    public static async Task<LoopbackProxy> StartAsync()
    {
        var proxy = new LoopbackProxy();
        proxy._server = await LoopbackServer.StartAsync(proxy.RelayAsync);
        return proxy;
    }

    private async Task RelayAsync(HttpContext context)
    {
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _targets.Enqueue(target);
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            // Not a proxy request (origin-form, or CONNECT for https, which no test here needs).
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), url);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHop.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _upstream.Dispose();
    }
}
