using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MediaMatrix.Notifications;

/// <summary>
/// Each platform's published robot message format: WeCom markdown (content ≤ 4096 bytes), DingTalk markdown with the
/// HMAC-SHA256 signature in the query string, Feishu text with its signature in the body, and a plain JSON webhook.
/// Text from config or sources is sent as data inside JSON (the serializer escapes it); markdown-active characters are
/// neutralised so a hostile title cannot add links or formatting.
/// </summary>
internal static class ChatPayloads
{
    public const int WeComMaxBytes = 4096;
    public const int DingTalkMaxChars = 5000;

    public static (Uri Url, string Json) Build(ChatRoute route, ChatNotice notice, DateTimeOffset now) => route.Channel switch
    {
        ChatChannel.WeCom => (route.Url, WeCom(notice)),
        ChatChannel.DingTalk => (DingTalkUrl(route, now), DingTalk(notice)),
        ChatChannel.Feishu => (route.Url, Feishu(notice, route.Secret, now)),
        _ => (route.Url, Webhook(notice)),
    };

    public static string Heading(ChatNotice n) => n.Transition switch
    {
        NoticeTransition.Opened => $"【告警】{n.Title}",
        NoticeTransition.Resolved => $"【已恢复】{n.Title}",
        _ => $"【仍未处理】{n.Title}",
    };

    private static string WeCom(ChatNotice n)
    {
        var content = Truncate($"### {Plain(Heading(n))}\n> 部门：{Plain(n.Department)}\n> 级别：{n.Severity}\n\n{Plain(n.Text)}{LinkLine(n)}", WeComMaxBytes);
        return new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = content } }.ToJsonString();
    }

    private static string DingTalk(ChatNotice n)
    {
        var text = $"### {Plain(Heading(n))}\n\n- 部门：{Plain(n.Department)}\n- 级别：{n.Severity}\n\n{Plain(n.Text)}{LinkLine(n)}";
        if (text.Length > DingTalkMaxChars)
            text = text[..DingTalkMaxChars];
        return new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = Heading(n), ["text"] = text } }.ToJsonString();
    }

    private static string Feishu(ChatNotice n, string? secret, DateTimeOffset now)
    {
        var body = new JsonObject
        {
            ["msg_type"] = "text",
            ["content"] = new JsonObject { ["text"] = $"{Heading(n)}\n部门：{n.Department}\n级别：{n.Severity}\n{n.Text}{(n.Link is { } l ? "\n" + l.AbsoluteUri : string.Empty)}" },
        };
        if (!string.IsNullOrEmpty(secret))
        {
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            body["timestamp"] = timestamp;
            body["sign"] = FeishuSign(timestamp, secret);
        }

        return body.ToJsonString();
    }

    private static string Webhook(ChatNotice n) => new JsonObject
    {
        ["transition"] = n.Transition.ToString().ToLowerInvariant(),
        ["severity"] = n.Severity.ToString().ToLowerInvariant(),
        ["department"] = n.Department,
        ["title"] = n.Title,
        ["text"] = n.Text,
        ["link"] = n.Link?.AbsoluteUri,
    }.ToJsonString();

    /// <summary>DingTalk: sign = Base64(HMAC-SHA256(key: secret, data: timestamp + "\n" + secret)), URL-encoded, with timestamp in ms.</summary>
    public static string DingTalkSign(string timestampMs, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}")));

    /// <summary>Feishu: sign = Base64(HMAC-SHA256(key: timestamp + "\n" + secret, data: empty)), timestamp in seconds.</summary>
    public static string FeishuSign(string timestampSeconds, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestampSeconds}\n{secret}"), Array.Empty<byte>()));

    private static Uri DingTalkUrl(ChatRoute route, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(route.Secret))
            return route.Url;
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var separator = string.IsNullOrEmpty(route.Url.Query) ? "?" : "&";
        return new Uri($"{route.Url.AbsoluteUri}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(DingTalkSign(timestamp, route.Secret))}");
    }

    private static string LinkLine(ChatNotice n) => n.Link is { Scheme: "http" or "https" } link ? $"\n\n[在监测平台中查看]({link.AbsoluteUri})" : string.Empty;

    // Markdown-active characters become their full-width look-alikes: a title cannot open a link, an image or a heading.
    private static string Plain(string text) => string.Concat(text.Select(ch => ch switch
    {
        '[' => '［',
        ']' => '］',
        '(' => '（',
        ')' => '）',
        '<' => '＜',
        '>' => '＞',
        '#' => '＃',
        '*' => '＊',
        '`' => '｀',
        '!' => '！',
        _ when char.IsControl(ch) && ch != '\n' => ' ',
        _ => ch,
    }));

    private static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
            return text;
        var end = text.Length;
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > maxBytes - 3)
            end -= Math.Max(1, (Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) - maxBytes) / 3);
        return text[..end] + "…";
    }
}
