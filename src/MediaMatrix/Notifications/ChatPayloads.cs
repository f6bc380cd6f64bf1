using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Alerts;
using static MediaMatrix.Notifications.NoticeText;

namespace MediaMatrix.Notifications;

/// <summary>
/// Each platform's published robot message format and size limit:
/// WeCom group robot markdown (<c>markdown.content</c> ≤ 4096 UTF-8 bytes, errcode 40058 beyond);
/// DingTalk custom robot markdown, signed with HMAC-SHA256 in the query string (request body ≤ 20,000 bytes);
/// Feishu custom bot rich text (<c>post</c>), signed in the body (request body ≤ 20 KB);
/// a plain JSON webhook for anything else. Untrusted text is data inside JSON (the serializer escapes it), one line,
/// and in markdown its active characters are neutralised (<see cref="NoticeText.Plain"/>); what does not fit is cut
/// from the facts, never from the heading or the link.
/// </summary>
internal static class ChatPayloads
{
    public const int WeComMaxBytes = 4096;
    public const int DingTalkMaxBodyBytes = 20_000;
    public const int FeishuMaxBodyBytes = 20_000;
    public const int TitleMaxChars = 200;
    public const int FactMaxChars = 1000;
    public const string Footer = "MediaMatrix 政务新媒体矩阵监测";

    // CJK as itself, not \uXXXX: six bytes a character would eat the platforms' byte limits three times as fast.
    // < > & ' " and control characters are still escaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The address (DingTalk's carries the signature) and the JSON body for one route.</summary>
    public static (Uri Url, string Json) Build(NoticeRoute route, AlertNotice notice, DateTimeOffset now) => route.Kind switch
    {
        RouteKind.WeCom => (route.Url!, WeCom(notice)),
        RouteKind.DingTalk => (DingTalkUrl(route, now), DingTalk(notice)),
        RouteKind.Feishu => (route.Url!, Feishu(notice, route.Secret, now)),
        RouteKind.Webhook => (route.Url!, Webhook(notice)),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route.Kind, "e-mail is not a chat route"),
    };

    /// <summary>The heading and (clipped) title as one line of plain text.</summary>
    public static string HeadingLine(AlertNotice n) => n.Heading + ClipChars(n.Title, TitleMaxChars);

    private static IReadOnlyList<string> FactLines(AlertNotice n, Func<string, string> encode, string prefix) =>
        [.. n.Facts.Select(f => $"{prefix}{f.Label}：{encode(ClipChars(f.Value, FactMaxChars))}")];

    private static string WeCom(AlertNotice n)
    {
        var head = $"### {Plain(HeadingLine(n))}\n";
        var tail = (n.Link is { } link ? $"\n[在监测平台中查看]({link.AbsoluteUri})" : string.Empty) + $"\n<font color=\"comment\">{Footer}</font>";
        // The severity is ours, not untrusted: it alone gets WeCom's colour tag.
        var facts = n.Facts.Select(f => f.Label == NoticeWording.SeverityLabel
            ? $"> {f.Label}：<font color=\"{WeComColor(n)}\">{f.Value}</font>"
            : $"> {f.Label}：{Plain(ClipChars(f.Value, FactMaxChars))}").ToList();
        var content = head + string.Join('\n', ClipLines(facts, WeComMaxBytes - Bytes(head) - Bytes(tail))) + tail;
        return new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = content } }.ToJsonString(Json);
    }

    private static string WeComColor(AlertNotice n) =>
        n.Transition == NoticeTransition.Resolved ? "info" : n.Severity == AlertSeverity.Critical ? "warning" : "comment";

    private static string DingTalk(AlertNotice n)
    {
        var facts = FactLines(n, Plain, "- ");
        return FitBody(DingTalkMaxBodyBytes, budget => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject
            {
                // Shown in the conversation list, not rendered as markdown; plain anyway.
                ["title"] = Plain(HeadingLine(n)),
                ["text"] = $"### {Plain(HeadingLine(n))}\n\n{string.Join('\n', ClipLines(facts, budget))}"
                    + (n.Link is { } link ? $"\n\n[在监测平台中查看]({link.AbsoluteUri})" : string.Empty) + $"\n\n{Footer}",
            },
        }.ToJsonString(Json));
    }

    private static string Feishu(AlertNotice n, string? secret, DateTimeOffset now)
    {
        // Rich text is a list of typed elements: no markup to inject, only text; "://" is still broken in untrusted text.
        var facts = FactLines(n, Defang, string.Empty);
        return FitBody(FeishuMaxBodyBytes, budget =>
        {
            var rows = new JsonArray();
            foreach (var line in ClipLines(facts, budget))
                rows.Add(new JsonArray(new JsonObject { ["tag"] = "text", ["text"] = line }));
            if (n.Link is { } link)
                rows.Add(new JsonArray(new JsonObject { ["tag"] = "a", ["text"] = "在监测平台中查看", ["href"] = link.AbsoluteUri }));
            rows.Add(new JsonArray(new JsonObject { ["tag"] = "text", ["text"] = Footer }));
            var body = new JsonObject
            {
                ["msg_type"] = "post",
                ["content"] = new JsonObject { ["post"] = new JsonObject { ["zh_cn"] = new JsonObject { ["title"] = Defang(HeadingLine(n)), ["content"] = rows } } },
            };
            if (!string.IsNullOrEmpty(secret))
            {
                var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                body["timestamp"] = timestamp;
                body["sign"] = FeishuSign(timestamp, secret);
            }

            return body.ToJsonString(Json);
        });
    }

    /// <summary>For machines: the raw (clipped) values, structured; the receiver does its own encoding.</summary>
    private static string Webhook(AlertNotice n)
    {
        var facts = new JsonArray();
        foreach (var fact in n.Facts)
            facts.Add(new JsonObject { ["label"] = fact.Label, ["value"] = ClipChars(fact.Value, FactMaxChars) });
        var departments = new JsonArray();
        foreach (var department in n.Departments)
            departments.Add(department);
        return new JsonObject
        {
            ["source"] = "mediamatrix",
            ["alertKey"] = n.AlertKey,
            ["transition"] = n.Transition.ToString().ToLowerInvariant(),
            ["reminder"] = n.Transition == NoticeTransition.Reminder ? n.Reminder : null,
            ["kind"] = n.Kind,
            ["subject"] = n.Subject,
            ["severity"] = n.Severity.ToString().ToLowerInvariant(),
            ["departments"] = departments,
            ["title"] = ClipChars(n.Title, TitleMaxChars),
            ["facts"] = facts,
            ["at"] = n.At.ToString("O", CultureInfo.InvariantCulture),
            ["link"] = n.Link?.AbsoluteUri,
        }.ToJsonString(Json);
    }

    /// <summary>Shrinks the facts' byte budget in proportion until the whole body fits: escaping (<c>&lt;</c> is six
    /// bytes on the wire) makes the body's size only roughly proportional to the text's, so measure the real thing.</summary>
    private static string FitBody(int maxBytes, Func<int, string> compose)
    {
        var budget = maxBytes;
        while (true)
        {
            var body = compose(budget);
            var bytes = Bytes(body);
            if (bytes <= maxBytes || budget == 0)
                return body;
            budget = (int)Math.Clamp(((long)budget * maxBytes / bytes) - 16, 0, budget - 1);
        }
    }

    /// <summary>DingTalk: sign = Base64(HMAC-SHA256(key: secret, data: timestamp + "\n" + secret)), URL-encoded, timestamp in ms.</summary>
    public static string DingTalkSign(string timestampMs, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}")));

    /// <summary>Feishu: sign = Base64(HMAC-SHA256(key: timestamp + "\n" + secret, data: empty)), timestamp in seconds.</summary>
    public static string FeishuSign(string timestampSeconds, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestampSeconds}\n{secret}"), Array.Empty<byte>()));

    // DingTalk refuses a timestamp more than an hour off its clock, so each attempt (retries too) signs afresh.
    private static Uri DingTalkUrl(NoticeRoute route, DateTimeOffset now)
    {
        var url = route.Url!;
        if (string.IsNullOrEmpty(route.Secret))
            return url;
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        return new Uri($"{url.AbsoluteUri}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(DingTalkSign(timestamp, route.Secret))}");
    }
}
