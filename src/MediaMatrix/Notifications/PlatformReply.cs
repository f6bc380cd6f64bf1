using System.Net;
using System.Text.Json;

namespace MediaMatrix.Notifications;

/// <summary>What one hand-over attempt came to.</summary>
internal enum AttemptResult { Sent, Transient, Permanent, Unknown }

internal sealed record Attempt(AttemptResult Result, string Detail);

/// <summary>
/// Reads a robot's answer. The chat platforms answer most refusals with HTTP 200 and a code in the body — WeCom and
/// DingTalk <c>errcode</c>, Feishu <c>code</c> (older bots <c>StatusCode</c>) — so a 200 is not yet a delivery.
/// Their rate limits (WeCom 45009, DingTalk 130101, Feishu 9499 and 11232; each robot takes about 20 messages a
/// minute) are retried like a 429 or a 5xx; any other code (a bad signature, a revoked key, a body too long) is a
/// route to fix, not to retry.
/// </summary>
internal static class PlatformReply
{
    private static readonly HashSet<long> RateLimited = [45009, 130101, 9499, 11232];

    public static Attempt Classify(RouteKind kind, HttpStatusCode status, string body)
    {
        var http = (int)status;
        if (http is 408 or 429 or >= 500)
            return new Attempt(AttemptResult.Transient, $"HTTP {http}");
        if (http is < 200 or >= 300)
            return new Attempt(AttemptResult.Permanent, $"HTTP {http}");
        if (kind == RouteKind.Webhook || Code(kind, body) is not ({ } code, var message))
            return new Attempt(AttemptResult.Sent, $"HTTP {http}");
        if (code == 0)
            return new Attempt(AttemptResult.Sent, $"HTTP {http}, code 0");
        var detail = $"HTTP {http}, code {code}: {NoticeText.ClipChars(NoticeText.Defang(message ?? string.Empty), 200)}";
        return new Attempt(RateLimited.Contains(code) ? AttemptResult.Transient : AttemptResult.Permanent, detail);
    }

    // A body that is not the platform's JSON (a proxy's page) cannot tell us more than its 2xx did.
    private static (long? Code, string? Message) Code(RouteKind kind, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, null);
            string[] names = kind == RouteKind.Feishu ? ["code", "StatusCode"] : ["errcode"];
            string[] messages = kind == RouteKind.Feishu ? ["msg", "StatusMessage"] : ["errmsg"];
            var code = names.Select(n => root.TryGetProperty(n, out var v) && v.TryGetInt64(out var c) ? c : (long?)null).FirstOrDefault(c => c is not null);
            var message = messages.Select(n => root.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(m => m is not null);
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
