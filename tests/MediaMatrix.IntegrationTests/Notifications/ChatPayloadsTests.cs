using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Notifications;
using static MediaMatrix.IntegrationTests.Notifications.NoticeCast;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>Each platform's message built from a hostile, overlong alert: within the platform's size limit, the heading
/// and the link kept, no markup or link smuggled in through untrusted text. The wire-level checks (signatures as
/// received, one message per route) are in <see cref="NotificationFlowTests"/>.</summary>
public sealed class ChatPayloadsTests
{
    private static readonly Uri BaseUrl = new("https://mm.dinghai.example.gov.cn/");

    private static AlertNotice HostileNotice(NoticeTransition transition = NoticeTransition.Opened) => NoticeWording.For(
        Opened(AlertKind.BecameUnqualified, "dh-edu", T0, $"dh-edu 检查不合格：{HostileReason}"), transition, transition == NoticeTransition.Reminder ? 2 : 0, T0, Matrix(HostileName), BaseUrl);

    private static NoticeRoute Route(RouteKind kind, string? secret = null) =>
        new() { Id = kind.ToString().ToLowerInvariant(), Kind = kind, Url = new Uri("https://robot.example/send?access_token=t"), Secret = secret };

    private static JsonElement Body(RouteKind kind, AlertNotice notice, string? secret = null) =>
        JsonDocument.Parse(ChatPayloads.Build(Route(kind, secret), notice, T0).Json).RootElement;

    [Fact]
    public void WeCom_MarkdownWithin4096Bytes_HeadingLinkAndFooterKept_NoInjectedMarkup()
    {
        var content = Body(RouteKind.WeCom, HostileNotice()).GetProperty("markdown").GetProperty("content").GetString()!;

        Assert.InRange(Encoding.UTF8.GetByteCount(content), 1, ChatPayloads.WeComMaxBytes);
        Assert.StartsWith("### 【告警】dh-edu 检查不合格：", content, StringComparison.Ordinal);
        Assert.Contains("[在监测平台中查看](https://mm.dinghai.example.gov.cn/alerts)", content, StringComparison.Ordinal);
        Assert.EndsWith(ChatPayloads.Footer + "</font>", content, StringComparison.Ordinal);
        Assert.Contains("> 级别：<font color=\"warning\">严重</font>", content, StringComparison.Ordinal);
        AssertNoActiveMarkdownFromUntrustedText(content);
    }

    [Fact]
    public void DingTalk_MarkdownBodyWithin20000Bytes_NoInjectedMarkup()
    {
        var json = ChatPayloads.Build(Route(RouteKind.DingTalk, Secret), HostileNotice(), T0).Json;
        var text = JsonDocument.Parse(json).RootElement.GetProperty("markdown").GetProperty("text").GetString()!;

        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, ChatPayloads.DingTalkMaxBodyBytes);
        Assert.StartsWith("### 【告警】", text, StringComparison.Ordinal);
        Assert.Contains("[在监测平台中查看](https://mm.dinghai.example.gov.cn/alerts)", text, StringComparison.Ordinal);
        Assert.EndsWith(ChatPayloads.Footer, text, StringComparison.Ordinal);
        AssertNoActiveMarkdownFromUntrustedText(text);
    }

    [Fact]
    public void Feishu_RichTextWithin20000Bytes_UntrustedTextOnlyInTextElements_LinksBroken()
    {
        var notice = HostileNotice(NoticeTransition.Reminder);
        var json = ChatPayloads.Build(Route(RouteKind.Feishu, Secret), notice, T0).Json;
        var post = JsonDocument.Parse(json).RootElement.GetProperty("content").GetProperty("post").GetProperty("zh_cn");
        var elements = post.GetProperty("content").EnumerateArray().SelectMany(row => row.EnumerateArray()).ToList();

        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, ChatPayloads.FeishuMaxBodyBytes);
        Assert.StartsWith("【仍未处理·第2次提醒】", post.GetProperty("title").GetString(), StringComparison.Ordinal);
        var link = Assert.Single(elements, e => e.GetProperty("tag").GetString() == "a");
        Assert.Equal("https://mm.dinghai.example.gov.cn/alerts", link.GetProperty("href").GetString());
        Assert.All(elements.Where(e => e.GetProperty("tag").GetString() != "a"), e => Assert.Equal("text", e.GetProperty("tag").GetString()));
        Assert.DoesNotContain("http://evil.example", json, StringComparison.Ordinal); // "：//": not clickable
        Assert.DoesNotContain('\r', string.Concat(elements.Select(e => e.GetProperty("text").GetString())));
    }

    /// <summary>Forty facts of a thousand characters, half of them JSON-escaped on the wire: far past every limit.</summary>
    private static AlertNotice Oversized() => HostileNotice() with
    {
        Facts = [.. Enumerable.Range(0, 40).Select(i => new NoticeFact($"事实{i}", string.Concat(Enumerable.Repeat("长<", 500))))],
    };

    [Theory]
    [InlineData("WeCom")]
    [InlineData("DingTalk")]
    [InlineData("Feishu")]
    public void OversizedNotice_IsCutToThePlatformsLimit_FromTheFacts_KeepingHeadingLinkAndFooter(string platform)
    {
        var kind = Enum.Parse<RouteKind>(platform);
        var json = ChatPayloads.Build(Route(kind, Secret), Oversized(), T0).Json;
        var body = JsonDocument.Parse(json).RootElement;
        var (measured, limit, text) = kind switch
        {
            RouteKind.WeCom => (body.GetProperty("markdown").GetProperty("content").GetString()!, ChatPayloads.WeComMaxBytes, body.GetProperty("markdown").GetProperty("content").GetString()!),
            RouteKind.DingTalk => (json, ChatPayloads.DingTalkMaxBodyBytes, body.GetProperty("markdown").GetProperty("text").GetString()!),
            _ => (json, ChatPayloads.FeishuMaxBodyBytes, json),
        };

        // Within the limit, and not far below it: the cut is measured, not guessed.
        Assert.InRange(Encoding.UTF8.GetByteCount(measured), limit * 9 / 10, limit);
        Assert.Contains("【告警】dh-edu", text, StringComparison.Ordinal);
        Assert.Contains("https://mm.dinghai.example.gov.cn/alerts", text, StringComparison.Ordinal);
        Assert.Contains(ChatPayloads.Footer, text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.DoesNotContain("事实39", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_CarriesTheRawValuesStructured_ClippedButUnencoded()
    {
        var body = Body(RouteKind.Webhook, HostileNotice());

        Assert.Equal("opened", body.GetProperty("transition").GetString());
        Assert.Equal("became-unqualified", body.GetProperty("kind").GetString());
        Assert.Equal("critical", body.GetProperty("severity").GetString());
        Assert.Equal(["区教育局"], body.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.StartsWith("dh-edu 检查不合格：连续两周未更新 <script>", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        var account = body.GetProperty("facts").EnumerateArray().First().GetProperty("value").GetString()!;
        Assert.StartsWith("定海教育<img src=x", account, StringComparison.Ordinal);
        Assert.Equal(ChatPayloads.FactMaxChars, account.Length);
    }

    [Fact]
    public void Email_HtmlEncoded_SubjectOneLine_TextPartToo()
    {
        var message = NoticeMail.Compose(HostileNotice(NoticeTransition.Resolved), "MediaMatrix <noreply@dinghai.example.gov.cn>", "office@dinghai.example.gov.cn");
        var html = message.HtmlBody!;

        Assert.StartsWith("【已恢复】dh-edu 检查不合格", message.Subject, StringComparison.Ordinal);
        Assert.True(message.Subject!.Length <= NoticeMail.SubjectMaxChars);
        Assert.DoesNotContain('\n', message.Subject);
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<font", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var href = Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\""));
        Assert.Equal("https://mm.dinghai.example.gov.cn/alerts", href.Groups[1].Value);
        Assert.DoesNotContain("http://evil.example", html, StringComparison.Ordinal);
        Assert.Contains("条件已消除，自动恢复", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void DingTalkSignature_MatchesThePublishedAlgorithm()
    {
        // HMAC-SHA256 over "timestamp\nsecret" keyed by the secret, Base64 (DingTalk custom robot "加签").
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("1700000000000\nsecret")));

        Assert.Equal(expected, ChatPayloads.DingTalkSign("1700000000000", "secret"));
    }

    [Fact]
    public void FeishuSignature_MatchesThePublishedAlgorithm()
    {
        // HMAC-SHA256 keyed by "timestamp\nsecret" over nothing, Base64 (Feishu custom bot 签名校验).
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("1700000000\nsecret"));
        var expected = Convert.ToBase64String(hmac.ComputeHash([]));

        Assert.Equal(expected, ChatPayloads.FeishuSign("1700000000", "secret"));
    }

    public static TheoryData<string, int, string, string> Replies => new()
    {
        { "WeCom", 200, """{"errcode":0,"errmsg":"ok"}""", "Sent" },
        { "WeCom", 200, """{"errcode":45009,"errmsg":"api freq out of limit"}""", "Transient" },
        { "WeCom", 200, """{"errcode":93000,"errmsg":"invalid webhook url"}""", "Permanent" },
        { "DingTalk", 200, """{"errcode":130101,"errmsg":"send too fast"}""", "Transient" },
        { "DingTalk", 200, """{"errcode":310000,"errmsg":"sign not match"}""", "Permanent" },
        { "Feishu", 200, """{"code":0,"msg":"success","data":{}}""", "Sent" },
        { "Feishu", 200, """{"StatusCode":0,"StatusMessage":"success"}""", "Sent" },
        { "Feishu", 400, """{"code":19021,"msg":"sign match fail"}""", "Permanent" },
        { "Feishu", 200, """{"code":9499,"msg":"too many request"}""", "Transient" },
        { "Webhook", 204, "", "Sent" },
        { "Webhook", 200, """{"errcode":1}""", "Sent" },
        { "Webhook", 503, "", "Transient" },
        { "Webhook", 429, "", "Transient" },
        { "Webhook", 404, "", "Permanent" },
        { "DingTalk", 200, "<html>proxy</html>", "Sent" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void PlatformReply_ReadsTheCodeInA200(string platform, int status, string body, string expected)
    {
        Assert.Equal(Enum.Parse<AttemptResult>(expected), PlatformReply.Classify(Enum.Parse<RouteKind>(platform), (HttpStatusCode)status, body).Result);
    }

    /// <summary>No link, image, tag or emphasis can come from the alert's text: the only link is ours.</summary>
    private static void AssertNoActiveMarkdownFromUntrustedText(string markdown)
    {
        Assert.DoesNotContain("](javascript", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("](http://evil", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("![", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("http://evil", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", markdown, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(markdown, @"\]\("));
        Assert.Equal(markdown.Contains("<font", StringComparison.Ordinal) ? 2 : 0, System.Text.RegularExpressions.Regex.Count(markdown, "<font"));
    }
}
