using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Notifications;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>Alert notices posted to a loopback HTTP listener standing in for WeCom, DingTalk, Feishu and a webhook:
/// each platform's message shape, DingTalk's and Feishu's signatures, routing filters, retries on 503, and a hostile
/// title that cannot become a markdown link.</summary>
public sealed class ChatNotifierTests
{
    private const string Secret = "SEC0123456789abcdef";
    private const string HostileTitle = "定海人社 [点我](javascript:alert(1)) <b>x</b>";

    private sealed record Seen(string Path, string Query, string Body);

    [Fact]
    public async Task Notice_ReachesEachPlatformInItsFormat_SignedWhereRequired_RetriedOn503()
    {
        var seen = new ConcurrentQueue<Seen>();
        var hookFailures = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
            seen.Enqueue(new Seen(context.Request.Path.Value!, context.Request.QueryString.Value ?? string.Empty, body));
            context.Response.StatusCode = context.Request.Path == "/hook" && Interlocked.Increment(ref hookFailures) <= 2 ? 503 : 200;
        });
        var routes = new List<ChatRoute>
        {
            new() { Channel = ChatChannel.WeCom, Url = new Uri(server.BaseUrl, "wecom?key=k") },
            new() { Channel = ChatChannel.DingTalk, Url = new Uri(server.BaseUrl, "dingtalk?access_token=t"), Secret = Secret },
            new() { Channel = ChatChannel.Feishu, Url = new Uri(server.BaseUrl, "feishu"), Secret = Secret },
            new() { Channel = ChatChannel.Webhook, Url = new Uri(server.BaseUrl, "hook") },
            new() { Channel = ChatChannel.Webhook, Url = new Uri(server.BaseUrl, "critical-only"), MinSeverity = NoticeSeverity.Critical },
            new() { Channel = ChatChannel.Webhook, Url = new Uri(server.BaseUrl, "other-department"), Departments = ["区民政局"] },
        };
        using var http = new HttpClient();
        var notifier = new ChatNotifier(http, routes, TimeProvider.System, TimeSpan.FromMilliseconds(20));
        var notice = new ChatNotice(NoticeTransition.Opened, NoticeSeverity.Warning, "区人力社保局", HostileTitle, "14天未更新。" + new string('长', 3000),
            new Uri("https://mediamatrix.example.gov.cn/accounts/dh-hrss"));

        var delivered = await notifier.NotifyAsync(notice, CancellationToken.None);

        Assert.Equal(4, delivered);
        Assert.DoesNotContain(seen, s => s.Path is "/critical-only" or "/other-department");

        using var wecom = JsonDocument.Parse(seen.Single(s => s.Path == "/wecom").Body);
        Assert.Equal("markdown", wecom.RootElement.GetProperty("msgtype").GetString());
        var content = wecom.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.StartsWith("### 【告警】定海人社", content, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(content) <= ChatPayloads.WeComMaxBytes);
        Assert.DoesNotContain("](javascript", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", content, StringComparison.Ordinal);

        var ding = seen.Single(s => s.Path == "/dingtalk");
        var query = System.Web.HttpUtility.ParseQueryString(ding.Query);
        Assert.Equal("t", query["access_token"]);
        Assert.Equal(ChatPayloads.DingTalkSign(query["timestamp"]!, Secret), query["sign"]);
        using var dingBody = JsonDocument.Parse(ding.Body);
        Assert.Equal("markdown", dingBody.RootElement.GetProperty("msgtype").GetString());
        Assert.Contains("[在监测平台中查看](https://mediamatrix.example.gov.cn/accounts/dh-hrss)", dingBody.RootElement.GetProperty("markdown").GetProperty("text").GetString(), StringComparison.Ordinal);

        using var feishu = JsonDocument.Parse(seen.Single(s => s.Path == "/feishu").Body);
        Assert.Equal("text", feishu.RootElement.GetProperty("msg_type").GetString());
        Assert.Equal(ChatPayloads.FeishuSign(feishu.RootElement.GetProperty("timestamp").GetString()!, Secret), feishu.RootElement.GetProperty("sign").GetString());

        var hooks = seen.Where(s => s.Path == "/hook").ToList();
        Assert.Equal(3, hooks.Count); // 503, 503, then 200
        using var hook = JsonDocument.Parse(hooks[^1].Body);
        Assert.Equal(HostileTitle, hook.RootElement.GetProperty("title").GetString());
        Assert.Equal("opened", hook.RootElement.GetProperty("transition").GetString());
    }

    [Fact]
    public void DingTalkSignature_MatchesThePublishedAlgorithm()
    {
        // HMAC-SHA256 over "timestamp\nsecret" keyed by the secret, Base64 (DingTalk robot "加签" documentation).
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("1700000000000\nsecret")));

        Assert.Equal(expected, ChatPayloads.DingTalkSign("1700000000000", "secret"));
    }
}
