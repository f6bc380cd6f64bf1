using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The operator's morning in headless Chromium against the real host and the demo matrix: log in, read the overview,
/// open an account, acknowledge an alert, confirm a disposition, create a task and see its grid. And X2: every page with the
/// XSS corpus in it, failing on any dialog.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class BrowserTests(DemoWorkplace demo) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly List<string> _dialogs = [];

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task<IPage> LogInAsync(string user, string password)
    {
        var page = await Chromium.NewPageAsync(_browser);
        page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{page.Url}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(demo.Host.BaseUrl, "/").ToString());
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]:has-text('登录')");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task Operator_LogsIn_ReadsTheOverview_OpensAnAccount_AcknowledgesAnAlert_ConfirmsADisposition_CreatesATask()
    {
        var page = await LogInAsync("operator", WorkplaceHost.OperatorPassword);

        // The overview with the demo matrix: 21 accounts, the heatmap, the head account.
        Assert.Equal(21, await page.Locator("table.accounts tr[data-account]").CountAsync());
        Assert.Equal(1, await page.Locator("svg.heatmap").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("overview.png"), FullPage = true });

        await page.ClickAsync("tr[data-account='dh-hrss'] a");
        await page.WaitForURLAsync("**/accounts/dh-hrss");
        Assert.Equal(1, await page.Locator("svg.score-history line.threshold").CountAsync());
        Assert.Contains("采集状态", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("account.png"), FullPage = true });

        // An alert of our own, so the test does not depend on which rules fired.
        var store = demo.Host.Services.GetRequiredService<IAlertStore>();
        var opened = DateTimeOffset.UtcNow;
        var alert = new Alert(Alert.KeyOf(AlertKind.BecameUnqualified, "dh-mz", opened), AlertKind.BecameUnqualified, "dh-mz",
            AlertSeverity.Critical, AlertStatus.Open, "浏览器测试告警", "Browser test alert", opened);
        Assert.True(await store.OpenAlertAsync(alert, CancellationToken.None));
        await page.ClickAsync("header a[href='/alerts']");
        var row = page.Locator($"tr[data-alert='{alert.Key}']");
        await row.Locator("button:has-text('确认')").ClickAsync();
        await page.WaitForURLAsync("**/alerts");
        Assert.Contains("已确认", await page.Locator($"tr[data-alert='{alert.Key}']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(AlertStatus.Acknowledged, (await store.GetAlertAsync(alert.Key, CancellationToken.None))!.Status);

        await page.ClickAsync("header a[href='/cleanup']");
        var first = page.Locator("table.cleanup tr[data-account]:has(form.decide)").First;
        var account = await first.GetAttributeAsync("data-account");
        await first.Locator("input[name=reason]").FillAsync("晨会确认");
        await first.Locator("button[value=confirm]").ClickAsync();
        await page.WaitForURLAsync("**/cleanup");
        Assert.Contains("已确认", await page.Locator($"tr[data-account='{account}'] .decision").InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(await demo.Host.Services.GetRequiredService<IDecisionStore>().GetDecisionsAsync(account!, CancellationToken.None));

        await page.ClickAsync("header a[href='/tasks']");
        var title = "转发：全区防汛防台工作部署 " + Guid.NewGuid().ToString("N")[..4];
        await page.FillAsync("#new-task input[name=title]", title);
        await page.FillAsync("#new-task input[name=hours]", "24");
        await page.ClickAsync("#new-task button[type=submit]");
        await page.WaitForURLAsync("**/tasks");
        var header = page.Locator("table.grid th[data-task]", new PageLocatorOptions { HasText = title });
        Assert.Equal(1, await header.CountAsync());
        // One cell per member for the new task: all still to do.
        var column = await page.Locator("table.grid thead th").AllInnerTextsAsync();
        var index = column.ToList().FindIndex(t => t.Contains(title, StringComparison.Ordinal));
        var cells = await page.Locator($"table.grid tbody tr td:nth-child({index + 1})").AllInnerTextsAsync();
        Assert.Equal(20, cells.Count);
        Assert.All(cells, c => Assert.Equal("未完成", c));
        Assert.Empty(_dialogs);
    }

    [Fact]
    public async Task Viewer_SeesNoButtonsThatChangeAnything()
    {
        var page = await LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        foreach (var path in new[] { "/alerts", "/cleanup", "/tasks" })
        {
            await page.GotoAsync(new Uri(demo.Host.BaseUrl, path).ToString());
            // The only form a viewer gets is logging out.
            Assert.Equal(1, await page.Locator("main form[method=post], header form[method=post]").CountAsync());
        }
    }

    [Fact]
    public async Task X2_EveryPageWithTheXssCorpus_RunsNoScriptOfIts()
    {
        var page = await LogInAsync("admin", WorkplaceHost.AdminPassword);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        foreach (var path in HostileTextTests.Pages(demo.Host).Append("/?lang=en").Append("/accounts/dh-police-dy?lang=en"))
        {
            await page.GotoAsync(new Uri(demo.Host.BaseUrl, path).ToString());
            await page.WaitForLoadStateAsync(LoadState.Load);
            // Hover and focus everything, so handlers like onmouseover/onfocus would fire if any had survived.
            foreach (var link in (await page.Locator("main a").AllAsync()).Take(60))
            {
                await link.HoverAsync(new LocatorHoverOptions { Timeout = 2000, Force = true });
            }
        }

        Assert.Empty(_dialogs);
        // A blocked inline script would show up here: the pages carry none, so none is blocked either.
        Assert.Empty(violations);
    }
}
