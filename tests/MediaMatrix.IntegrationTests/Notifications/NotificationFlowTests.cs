using System.Text.Json;
using System.Web;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring.Diagnostics;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Notifications;
using Microsoft.Extensions.Time.Testing;
using static MediaMatrix.IntegrationTests.Notifications.NoticeCast;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>
/// Alert transitions to every kind of route over real loopback HTTP and SMTP: one message per route per transition in
/// the platform's format, severity and department filters, nothing on an unchanged evaluation, one reminder per
/// interval, retries counted, a hostile alert escaped and cut to size.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed class NotificationFlowTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Transitions_EachRouteGetsOneMessagePerTransition_InItsFormat_Filtered_RemindedOncePerInterval()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer();
        var time = new FakeTimeProvider(T0);
        await using var rig = await NoticeRig.StartAsync(NoticeRig.AllRoutes(robots), smtp, NoticeStores.InMemory(), time);

        // Opened: dh-edu unqualified (critical, 区教育局), dh-hrss weak (warning, 区人力社保局); the head is fine.
        await rig.RaiseAsync([Unqualified("dh-edu", T0), Weak("dh-hrss", T0), Qualified("dinghaishan", T0)], T0);
        await rig.IdleAsync();

        Assert.Equal(2, robots.To("/wecom").Count);
        Assert.Single(robots.To("/dingtalk"));      // department filter: only 区教育局
        Assert.Single(robots.To("/feishu"));        // severity filter: only critical
        Assert.Equal(2, robots.To("/hook").Count);
        Assert.Equal(4, smtp.Acknowledged.Count);   // two alerts × two recipients

        var wecom = Json(robots.To("/wecom")[0]);
        Assert.Equal("markdown", wecom.GetProperty("msgtype").GetString());
        Assert.All(robots.To("/wecom"), r => Assert.StartsWith("### 【告警】", Json(r).GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal));

        var ding = robots.To("/dingtalk")[0];
        var query = HttpUtility.ParseQueryString(ding.Query);
        Assert.Equal("t", query["access_token"]);
        Assert.Equal(T0.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), query["timestamp"]);
        Assert.Equal(ChatPayloads.DingTalkSign(query["timestamp"]!, Secret), query["sign"]);
        var dingBody = Json(ding);
        Assert.Equal("markdown", dingBody.GetProperty("msgtype").GetString());
        Assert.Contains("定海教育 · 区教育局（dh-edu）", dingBody.GetProperty("markdown").GetProperty("text").GetString(), StringComparison.Ordinal);

        var feishu = Json(robots.To("/feishu")[0]);
        Assert.Equal("post", feishu.GetProperty("msg_type").GetString());
        Assert.Equal(ChatPayloads.FeishuSign(feishu.GetProperty("timestamp").GetString()!, Secret), feishu.GetProperty("sign").GetString());
        Assert.StartsWith("【告警】dh-edu", feishu.GetProperty("content").GetProperty("post").GetProperty("zh_cn").GetProperty("title").GetString(), StringComparison.Ordinal);

        var hooks = robots.To("/hook").Select(Json).ToList();
        Assert.All(hooks, h => Assert.Equal("opened", h.GetProperty("transition").GetString()));
        Assert.Equal(["became-unqualified", "became-weak"], hooks.Select(h => h.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));

        Assert.Equal(
            ["edu@dinghai.example.gov.cn", "edu@dinghai.example.gov.cn", "office@dinghai.example.gov.cn", "office@dinghai.example.gov.cn"],
            smtp.Acknowledged.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(smtp.Acknowledged, m => Assert.StartsWith("【告警】dh-", m.Message.Subject, StringComparison.Ordinal));
        Assert.All(smtp.Acknowledged, m => Assert.NotNull(m.Message.TextBody));

        // The same evaluation again, and a sweep: nothing changed, nothing sent.
        var before = robots.Received.Count;
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await rig.RaiseAsync([Unqualified("dh-edu", time.GetUtcNow()), Weak("dh-hrss", time.GetUtcNow())], time.GetUtcNow())).IsEmpty);
        await rig.SweepAsync();
        Assert.Equal(before, robots.Received.Count);
        Assert.Equal(4, smtp.Acknowledged.Count);

        // dh-edu posts again: one resolved message on every route that had its opened one.
        time.Advance(TimeSpan.FromMinutes(55));
        await rig.RaiseAsync([Qualified("dh-edu", time.GetUtcNow())], time.GetUtcNow());
        await rig.IdleAsync();
        Assert.Equal(3, robots.To("/wecom").Count);
        Assert.Equal(2, robots.To("/dingtalk").Count);
        Assert.Equal(2, robots.To("/feishu").Count);
        Assert.Equal(3, robots.To("/hook").Count);
        Assert.Equal(6, smtp.Acknowledged.Count);
        Assert.StartsWith("### 【已恢复】dh-edu", Json(robots.To("/wecom")[^1]).GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("resolved", Json(robots.To("/hook")[^1]).GetProperty("transition").GetString());

        // 4 h after opening, dh-hrss is still open and unacknowledged: one reminder on the routes with a reminder interval
        // (wecom, hook), however many sweeps look.
        time.Advance(TimeSpan.FromHours(3).Add(TimeSpan.FromMinutes(1)));
        await rig.SweepAsync();
        await rig.SweepAsync();
        time.Advance(TimeSpan.FromMinutes(30));
        await rig.SweepAsync();
        Assert.Equal(4, robots.To("/wecom").Count);
        Assert.Equal(4, robots.To("/hook").Count);
        Assert.Equal(2, robots.To("/dingtalk").Count);
        Assert.Equal(6, smtp.Acknowledged.Count);
        Assert.StartsWith("### 【仍未处理·第1次提醒】dh-hrss", Json(robots.To("/wecom")[^1]).GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        var reminder = Json(robots.To("/hook")[^1]);
        Assert.Equal(("reminder", 1), (reminder.GetProperty("transition").GetString(), reminder.GetProperty("reminder").GetInt32()));

        // Another interval: the second reminder. Then an operator acknowledges: no more.
        time.Advance(TimeSpan.FromHours(4));
        await rig.SweepAsync();
        Assert.Equal(5, robots.To("/wecom").Count);
        var hrss = Assert.Single(await rig.Stores.Alerts.GetOpenAlertsAsync(None));
        Assert.True(await rig.Alerts.AcknowledgeAsync(hrss.Key, "王科长", "已电话通知", None));
        time.Advance(TimeSpan.FromHours(8));
        await rig.SweepAsync();
        Assert.Equal(5, robots.To("/wecom").Count);
        Assert.Equal(5, robots.To("/hook").Count);

        // An operator closes it by hand: no evaluation saw that, the sweep does — one resolved notice per route.
        Assert.True(await rig.Alerts.ResolveAsync(hrss.Key, "李主任", "账号已申请注销", None));
        await rig.SweepAsync();
        await rig.SweepAsync();
        Assert.Equal(6, robots.To("/wecom").Count);
        Assert.Equal(6, robots.To("/hook").Count);
        Assert.Equal(8, smtp.Acknowledged.Count);
        Assert.Equal(2, robots.To("/dingtalk").Count);
        var closed = Json(robots.To("/wecom")[^1]).GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.StartsWith("### 【已恢复】dh-hrss", closed, StringComparison.Ordinal);
        Assert.Contains("李主任 手动关闭", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailDroppedAfterItsBody_IsUnknown_CountedAndNeverResent()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer { DropAfterBody = _ => true };
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:RetryDelay"] = "00:00:00.020",
            ["Notifications:Routes:0:Kind"] = "email",
            ["Notifications:Routes:0:Recipients"] = "office@dinghai.example.gov.cn",
        };
        var stores = NoticeStores.InMemory();
        var before = Counts();
        await using var rig = await NoticeRig.StartAsync(settings, smtp, stores, TimeProvider.System);

        var now = TimeProvider.System.GetUtcNow();
        var alert = Assert.Single((await rig.RaiseAsync([Unqualified("dh-edu", now)], now)).Opened);
        await rig.IdleAsync();
        await rig.SweepAsync();

        // The server may have queued it: reliability E3 says never resend blindly.
        Assert.Single(smtp.Received);
        Assert.Equal(NoticeOutcome.Unknown, await stores.Notices.GetNoticeOutcomeAsync($"{alert.Key}|opened|{rig.Options.Routes[0].Id}|office@dinghai.example.gov.cn", None));
        Assert.Equal(1, Counts()["email/unknown"] - before["email/unknown"]);
    }

    [Fact]
    public async Task HostileAlert_IsEscapedPerFormat_AndCutToEachPlatformsLimit_OnTheWire()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer();
        var time = new FakeTimeProvider(T0);
        await using var rig = await NoticeRig.StartAsync(NoticeRig.AllRoutes(robots), smtp, NoticeStores.InMemory(), time, Matrix(HostileName));

        await rig.RaiseAsync([Unqualified("dh-edu", T0, HostileReason)], T0);
        await rig.IdleAsync();

        var wecom = Json(robots.To("/wecom").Single()).GetProperty("markdown").GetProperty("content").GetString()!;
        var ding = Json(robots.To("/dingtalk").Single()).GetProperty("markdown").GetProperty("text").GetString()!;
        foreach (var markdown in new[] { wecom, ding })
        {
            Assert.DoesNotContain("](javascript", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("](http://evil", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<font color=\"info\">绿", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("**", markdown, StringComparison.Ordinal);
            Assert.Contains("［点我］（javascript:alert（1））", markdown, StringComparison.Ordinal); // shown, inert
        }

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(wecom) <= ChatPayloads.WeComMaxBytes);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(robots.To("/dingtalk").Single().Body) <= ChatPayloads.DingTalkMaxBodyBytes);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(robots.To("/feishu").Single().Body) <= ChatPayloads.FeishuMaxBodyBytes);
        Assert.Contains("…", wecom, StringComparison.Ordinal);

        var mail = smtp.Acknowledged[0].Message;
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(mail.Bcc);
        Assert.Equal(["edu@dinghai.example.gov.cn", "office@dinghai.example.gov.cn"], smtp.Acknowledged.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.Single(mail.To);

        // The webhook is for machines: the text as it is (JSON-escaped by the serializer), cut to its field size.
        var hook = Json(robots.To("/hook").Single());
        Assert.Contains("<script>alert(1)</script>", hook.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingRoutes_AreRetriedWithBackoff_CountedInMetrics_AndNeverHoldUpTheEvaluation()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        robots.Script = (path, nth) => (path, nth) switch
        {
            ("/hook", 1) => (500, "boom"),
            ("/dingtalk", 1) => (200, """{"errcode":130101,"errmsg":"send too fast"}"""),
            ("/feishu", _) => (200, """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}"""),
            _ => null,
        };
        robots.BeforeReply = path => path == "/wecom" ? release.Task : Task.CompletedTask;
        var rcpt = 0;
        smtp.RcptReply = _ => Interlocked.Increment(ref rcpt) == 1 ? "451 4.7.1 try again later" : "250 OK";
        var settings = NoticeRig.AllRoutes(robots);
        settings["Notifications:RetryDelay"] = "00:00:00.050";
        settings["Notifications:Routes:4:Recipients"] = "office@dinghai.example.gov.cn";
        var before = Counts();
        var stores = NoticeStores.InMemory();
        await using var rig = await NoticeRig.StartAsync(settings, smtp, stores, TimeProvider.System);

        var now = TimeProvider.System.GetUtcNow();
        var changes = await rig.RaiseAsync([Unqualified("dh-edu", now)], now);

        // The evaluation is back while the WeCom robot still holds its request: delivery is not its business.
        var alert = Assert.Single(changes.Opened);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (robots.To("/wecom").Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(10);
        Assert.Single(robots.To("/wecom"));
        Assert.False(rig.Outbox.IsIdle);
        release.SetResult();
        await rig.IdleAsync();

        Assert.Equal(2, robots.To("/hook").Count);
        Assert.Equal(2, robots.To("/dingtalk").Count);
        Assert.Single(robots.To("/feishu"));          // a bad signature is a route to fix, not to retry
        Assert.Single(smtp.Acknowledged);
        Assert.Equal(2, smtp.RcptLog.Count);

        var after = Counts();
        Assert.Equal(1, after["webhook/retry"] - before["webhook/retry"]);
        Assert.Equal(1, after["webhook/sent"] - before["webhook/sent"]);
        Assert.Equal(1, after["dingtalk/retry"] - before["dingtalk/retry"]);
        Assert.Equal(1, after["dingtalk/sent"] - before["dingtalk/sent"]);
        Assert.Equal(1, after["feishu/failed"] - before["feishu/failed"]);
        Assert.Equal(0, after["feishu/sent"] - before["feishu/sent"]);
        Assert.Equal(1, after["email/retry"] - before["email/retry"]);
        Assert.Equal(1, after["email/sent"] - before["email/sent"]);
        Assert.Equal(1, after["wecom/sent"] - before["wecom/sent"]);

        var routes = rig.Options.Routes.ToDictionary(r => r.Kind);
        Assert.Equal(NoticeOutcome.Failed, await stores.Notices.GetNoticeOutcomeAsync($"{alert.Key}|opened|{routes[RouteKind.Feishu].Id}", None));
        Assert.Equal(NoticeOutcome.Sent, await stores.Notices.GetNoticeOutcomeAsync($"{alert.Key}|opened|{routes[RouteKind.Webhook].Id}", None));
        Assert.Equal(NoticeOutcome.Sent, await stores.Notices.GetNoticeOutcomeAsync($"{alert.Key}|opened|{routes[RouteKind.Email].Id}|office@dinghai.example.gov.cn", None));

        // A sweep sends none of them again, the refused one included.
        await rig.SweepAsync();
        Assert.Equal(6, robots.Received.Count);
    }

    [Fact]
    public async Task OneRecipientBackingOff_DoesNotHoldUpTheOtherRecipientsOfItsRoute()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer();
        // The office's mailbox answers 451 every time; with a 10-minute back-off, a worker that slept it out inline would
        // keep edu@ (queued right behind it on the same route) waiting for ten minutes.
        smtp.RcptReply = r => r == "office@dinghai.example.gov.cn" ? "451 4.2.1 mailbox busy" : "250 OK";
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:RetryDelay"] = "00:10:00",
            ["Notifications:MaxRetryDelay"] = "00:10:00",
            ["Notifications:Routes:0:Kind"] = "email",
            ["Notifications:Routes:0:Recipients"] = "office@dinghai.example.gov.cn,edu@dinghai.example.gov.cn",
        };
        await using var rig = await NoticeRig.StartAsync(settings, smtp, NoticeStores.InMemory(), TimeProvider.System);

        var now = TimeProvider.System.GetUtcNow();
        await rig.RaiseAsync([Unqualified("dh-edu", now)], now);

        await smtp.WaitForAsync(s => s.Acknowledged.Any(m => m.Recipient == "edu@dinghai.example.gov.cn"), TimeSpan.FromSeconds(10));
        Assert.Single(smtp.RcptLog, r => r.Recipient == "office@dinghai.example.gov.cn"); // tried once, now waiting its back-off
        Assert.False(rig.Outbox.IsIdle); // the office's notice is still owed here
    }

    [Fact]
    public async Task DeadRoute_AttemptsUsedUp_StaysOwed_AndTheNextSweepDeliversItOnceTheRobotIsBack()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var smtp = new LoopbackSmtpServer();
        var down = true;
        robots.Script = (path, _) => down ? (503, "maintenance") : null;
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:RetryDelay"] = "00:00:00.020",
            ["Notifications:MaxAttempts"] = "3",
            ["Notifications:Routes:0:Kind"] = "webhook",
            ["Notifications:Routes:0:Url"] = new Uri(robots.BaseUrl, "hook").AbsoluteUri,
        };
        var stores = NoticeStores.InMemory();
        await using var rig = await NoticeRig.StartAsync(settings, smtp, stores, TimeProvider.System);

        var now = TimeProvider.System.GetUtcNow();
        var alert = Assert.Single((await rig.RaiseAsync([Unqualified("dh-edu", now)], now)).Opened);
        await rig.IdleAsync();

        Assert.Equal(3, robots.To("/hook").Count);
        var key = $"{alert.Key}|opened|{rig.Options.Routes[0].Id}";
        Assert.Null(await stores.Notices.GetNoticeOutcomeAsync(key, None)); // given back, not settled: still owed

        down = false;
        await rig.SweepAsync();
        await rig.SweepAsync();

        Assert.Equal(4, robots.To("/hook").Count);
        Assert.Equal(NoticeOutcome.Sent, await stores.Notices.GetNoticeOutcomeAsync(key, None));
    }

    private static JsonElement Json(RobotRequest request) => JsonDocument.Parse(request.Body).RootElement.Clone();

    private static Dictionary<string, double> Counts()
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var channel in new[] { "wecom", "dingtalk", "feishu", "webhook", "email" })
        {
            foreach (var result in new[] { "sent", "retry", "failed", "unknown" })
                counts[$"{channel}/{result}"] = MatrixMetrics.Notifications.WithLabels(channel, result).Value;
        }

        return counts;
    }
}
