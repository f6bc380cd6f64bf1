using System.Collections.Concurrent;
using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>One request a robot received.</summary>
internal sealed record RobotRequest(string Path, string Query, string Body);

/// <summary>
/// WeCom, DingTalk, Feishu and a webhook on one loopback listener, a path each, answering as the platforms do (HTTP 200
/// and <c>errcode</c>/<c>code</c> 0) unless a test scripts another answer for the n-th request to a path.
/// </summary>
internal sealed class RobotServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RobotRequest> received = new();
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private LoopbackServer server = null!;

    /// <summary>(path, 1-based request number to that path) → status and body; null: the platform's success reply.</summary>
    public Func<string, int, (int Status, string Body)?> Script { get; set; } = (_, _) => null;

    /// <summary>Runs before a request to the path is answered (a test holds a robot up with it).</summary>
    public Func<string, Task> BeforeReply { get; set; } = _ => Task.CompletedTask;

    public Uri BaseUrl => server.BaseUrl;

    public IReadOnlyList<RobotRequest> Received => [.. received];

    public IReadOnlyList<RobotRequest> To(string path) => [.. received.Where(r => r.Path == path)];

    public static async Task<RobotServer> StartAsync()
    {
        var robots = new RobotServer();
        robots.server = await LoopbackServer.StartAsync(robots.HandleAsync);
        return robots;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        received.Enqueue(new RobotRequest(path, context.Request.QueryString.Value ?? string.Empty, body));
        var nth = counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        await BeforeReply(path);
        var (status, reply) = Script(path, nth) ?? (200, path.StartsWith("/feishu", StringComparison.Ordinal) ? """{"code":0,"msg":"success","data":{}}""" : """{"errcode":0,"errmsg":"ok"}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
