using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Notifications;
using Microsoft.Extensions.Configuration;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>The <c>Notifications</c> section: typed routes from appsettings or environment-style keys, and every
/// mistake reported at start-up with the key that holds it.</summary>
public sealed class NotificationSettingsTests
{
    private static (NotificationOptions? Options, IReadOnlyList<string> Errors) Read(Dictionary<string, string?> values) =>
        NotificationSettings.TryRead(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), NoticeCast.Matrix());

    [Fact]
    public void ValidRoutes_AreTyped_WithDefaults()
    {
        var (options, errors) = Read(new()
        {
            ["Notifications:BaseUrl"] = "https://mm.dinghai.example.gov.cn/",
            ["Notifications:Routes:0:Kind"] = "wecom",
            ["Notifications:Routes:0:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
            ["Notifications:Routes:1:Kind"] = "DingTalk",
            ["Notifications:Routes:1:Name"] = "edu-dingtalk",
            ["Notifications:Routes:1:Url"] = "https://oapi.dingtalk.com/robot/send?access_token=t",
            ["Notifications:Routes:1:Secret"] = NoticeCast.Secret,
            ["Notifications:Routes:1:Departments:0"] = "区教育局",
            ["Notifications:Routes:1:MinSeverity"] = "critical",
            ["Notifications:Routes:1:ReminderInterval"] = "2h",
            // One comma-separated value is easier in an environment variable than Recipients__0, Recipients__1.
            ["Notifications:Routes:2:Kind"] = "email",
            ["Notifications:Routes:2:Recipients"] = "Office@Dinghai.example.gov.cn, 王科长 <wang@dinghai.example.gov.cn>",
            ["Notifications:Routes:2:ReminderInterval"] = "0",
        });

        Assert.Empty(errors);
        var routes = options!.Routes;
        Assert.Equal([RouteKind.WeCom, RouteKind.DingTalk, RouteKind.Email], routes.Select(r => r.Kind));
        Assert.StartsWith("wecom-", routes[0].Id, StringComparison.Ordinal);
        Assert.Equal((AlertSeverity.Warning, TimeSpan.FromHours(4)), (routes[0].MinSeverity, routes[0].ReminderInterval));
        Assert.Equal(("edu-dingtalk", AlertSeverity.Critical, TimeSpan.FromHours(2)), (routes[1].Id, routes[1].MinSeverity, routes[1].ReminderInterval));
        Assert.Equal(["区教育局"], routes[1].Departments);
        Assert.Equal(["office@dinghai.example.gov.cn", "wang@dinghai.example.gov.cn"], routes[2].Recipients);
        Assert.Equal(TimeSpan.Zero, routes[2].ReminderInterval);
    }

    [Fact]
    public void RouteIds_DoNotDependOnTheOrder_SoReorderingResendsNothing()
    {
        var a = Read(new() { ["Notifications:Routes:0:Kind"] = "webhook", ["Notifications:Routes:0:Url"] = "https://a.example/hook", ["Notifications:Routes:1:Kind"] = "webhook", ["Notifications:Routes:1:Url"] = "https://b.example/hook" });
        var b = Read(new() { ["Notifications:Routes:0:Kind"] = "webhook", ["Notifications:Routes:0:Url"] = "https://b.example/hook", ["Notifications:Routes:1:Kind"] = "webhook", ["Notifications:Routes:1:Url"] = "https://a.example/hook" });

        Assert.Equal(a.Options!.Routes.Select(r => r.Id).Order(StringComparer.Ordinal), b.Options!.Routes.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.NotEqual(a.Options.Routes[0].Id, a.Options.Routes[1].Id);
    }

    [Fact]
    public void NoSection_NoRoutes_NoErrors()
    {
        var (options, errors) = Read([]);

        Assert.Empty(errors);
        Assert.Empty(options!.Routes);
    }

    public static TheoryData<string, string, string, string> OneMistake => new()
    {
        { "Kind", "slack", "Notifications:Routes:0:Kind", "unknown kind 'slack' (expected one of: wecom, dingtalk, feishu, webhook, email)" },
        { "Url", "ftp://files.example/hook", "Notifications:Routes:0:Url", "'ftp://files.example/hook' is not an absolute http(s) URL" },
        { "Url", "", "Notifications:Routes:0:Url", "required" },
        { "MinSeverity", "urgent", "Notifications:Routes:0:MinSeverity", "unknown severity 'urgent' (expected one of: info, warning, critical)" },
        { "Departments:0", "区教育厅", "Notifications:Routes:0:Departments", "no account of the matrix belongs to department '区教育厅'" },
        { "ReminderInterval", "soon", "Notifications:Routes:0:ReminderInterval", "'soon' is not a duration (0 = off)" },
        { "ReminderInterval", "30s", "Notifications:Routes:0:ReminderInterval", "shorter than the sweep interval" },
        { "Secret", "SEC123", "Notifications:Routes:0:Secret", "only dingtalk and feishu routes sign their requests" },
        { "Recipients:0", "office@example.gov.cn", "Notifications:Routes:0:Recipients", "only an email route has recipients" },
        { "Name", "Office WeCom", "Notifications:Routes:0:Name", "is not a valid route name" },
        { "Secrets", "SEC123", "Notifications:Routes:0:Secrets", "unknown key (expected one of: Name, Kind, Url" },
    };

    [Theory]
    [MemberData(nameof(OneMistake))]
    public void AMistake_IsReportedWithItsKey(string key, string value, string path, string message)
    {
        var values = new Dictionary<string, string?>
        {
            ["Notifications:Routes:0:Kind"] = "wecom",
            ["Notifications:Routes:0:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
        };
        values[$"Notifications:Routes:0:{key}"] = value;

        var (options, errors) = Read(values);

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.StartsWith(path + ": ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMistake_IsReportedInOneGo_AndNoTokenIsPrinted()
    {
        var (_, errors) = Read(new()
        {
            ["Notifications:SweepInterval"] = "0",
            ["Notifications:MaxAttempts"] = "0",
            ["Notifications:Routes:0:Kind"] = "email",
            ["Notifications:Routes:0:Url"] = "https://example.gov.cn/",
            ["Notifications:Routes:0:Recipients:0"] = "not-an-address",
            ["Notifications:Routes:1:Url"] = "https://oapi.dingtalk.com/robot/send?access_token=SECRET-TOKEN",
            ["Notifications:Routes:2:Kind"] = "dingtalk",
            ["Notifications:Routes:2:Url"] = "ht!tp://oapi.dingtalk.com/robot/send?access_token=SECRET-TOKEN",
            ["Notifications:Routes:3:Kind"] = "webhook",
            ["Notifications:Routes:3:Url"] = "https://a.example/hook",
            ["Notifications:Routes:4:Kind"] = "webhook",
            ["Notifications:Routes:4:Url"] = "https://a.example/hook",
        });

        Assert.Equal(
        [
            "Notifications:SweepInterval",
            "Notifications:MaxAttempts",
            "Notifications:Routes:0:Url",
            "Notifications:Routes:0:Recipients",
            "Notifications:Routes:1:Kind",
            "Notifications:Routes:2:Url",
            "Notifications:Routes",
        ], errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.DoesNotContain(errors, e => e.Contains("SECRET-TOKEN", StringComparison.Ordinal));
    }
}
