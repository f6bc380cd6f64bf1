using MediaMatrix.Monitoring.Storage;
using System.Diagnostics;
using System.Text.Json;
using MediaMatrix.Hosting;
using MediaMatrix.IntegrationTests.Web;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static MediaMatrix.IntegrationTests.Notifications.NoticeCast;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>The real host (<c>serve</c>'s MonitorHost) with routes in its settings: an alert the service opens reaches
/// the robot through the wiring we ship, and bad routes stop start-up with the keys named.</summary>
[Collection(NotificationCollection.Name)]
public sealed class NotificationHostTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mm-notify-").FullName;

    private string MatrixFile()
    {
        var path = Path.Combine(directory, "matrix.yaml");
        File.WriteAllText(path, """
            matrix: { name: 定海区政务新媒体矩阵, timezone: Asia/Shanghai, allowPrivateNetworks: true }
            accounts:
              - { id: dinghaishan, name: 定海山, platform: app, tier: head, department: 区融媒体中心, source: { kind: feed, url: "http://127.0.0.1:9/head.xml" } }
              - { id: dh-edu, name: 定海教育, platform: wechat, tier: member, department: 区教育局, source: { kind: feed, url: "http://127.0.0.1:9/edu.xml" } }
            """);
        return path;
    }

    [Fact]
    public async Task Serve_WithAWebhookRoute_SendsTheOpenedAlertOnce()
    {
        await using var robots = await RobotServer.StartAsync();
        await using var host = await WorkplaceHost.StartAsync(MatrixFile(), new Dictionary<string, string?>
        {
            ["Notifications:Routes:0:Kind"] = "webhook",
            ["Notifications:Routes:0:Url"] = new Uri(robots.BaseUrl, "hook").AbsoluteUri,
            // Only critical: the host's own evaluations may raise collection-down (warning) for these unreachable sources.
            ["Notifications:Routes:0:MinSeverity"] = "critical",
        });
        var alerts = host.Services.GetRequiredService<AlertService>();
        var now = TimeProvider.System.GetUtcNow();

        var opened = Assert.Single((await alerts.RaiseAsync(host.Services.GetRequiredService<IAlertStore>(), host.Services.GetRequiredService<IPostStore>(), [Unqualified("dh-edu", now)], now)).Opened);

        var waited = Stopwatch.StartNew();
        while (robots.To("/hook").Count == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the webhook never received the alert");
            await Task.Delay(20);
        }

        var hook = JsonDocument.Parse(robots.To("/hook").Single().Body).RootElement;
        Assert.Equal((opened.Key, "opened"), (hook.GetProperty("alertKey").GetString(), hook.GetProperty("transition").GetString()));
    }

    [Fact]
    public void Serve_WithBadRoutes_DoesNotStart_AndNamesEveryKey()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Kind"] = "memory",
            ["Notifications:Routes:0:Kind"] = "dingtalk",
            ["Notifications:Routes:1:Kind"] = "email",
            ["Notifications:Routes:1:Recipients:0"] = "office@",
        }).Build();
        var matrix = MatrixConfigLoader.Load(MatrixFile()).Config!;

        var error = Assert.Throws<SettingsException>(() => MonitorHost.Build(settings, matrix));

        Assert.Contains("Notifications:Routes:0:Url: required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Routes:1:Recipients: 'office@' is not an e-mail address", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
