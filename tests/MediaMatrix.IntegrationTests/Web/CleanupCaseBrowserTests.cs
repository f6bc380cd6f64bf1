using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Issue 14 point 5 in headless Chromium against the real host and the demo matrix: an operator confirms the
/// zombie account's close disposition on the cleanup board, records the stop-updating notice, the closing and the
/// closure filing through the page's forms; the case shows closed, every step is in its trail with who, and the
/// quarter's bulletin (from the bulletin service) lists it in 清理处置.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class CleanupCaseBrowserTests(DemoWorkplace demo) : IAsyncLifetime
{
    // 定海应急: a zombie in the demo cast, so its proposal is 注销关停.
    private const string Zombie = "dh-yjgl";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Operator_ConfirmsAClose_RecordsNoticeClosedAndFiled_TheCaseCloses_AndTheBulletinListsIt()
    {
        var page = await Chromium.NewPageAsync(_browser);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(demo.Host.BaseUrl, "/cleanup").ToString());
        await page.FillAsync("input[name=username]", "operator");
        await page.FillAsync("input[name=password]", WorkplaceHost.OperatorPassword);
        await page.ClickAsync("button[type=submit]:has-text('登录')");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(demo.Host.BaseUrl, "/cleanup").ToString());

        var board = page.Locator($"table.cleanup tr[data-account='{Zombie}']");
        Assert.Equal("close", await board.Locator("input[name=proposed]").GetAttributeAsync("value"));
        await board.Locator("input[name=reason]").FillAsync("长期未更新，按程序注销");
        await board.Locator("button[value=confirm]").ClickAsync();

        // The confirmation opens the case (or keeps the one an earlier confirmation of the same proposal opened).
        var row = page.Locator($"table.cases tr[data-case-account='{Zombie}'][data-state='open']");
        await row.WaitForAsync();
        Assert.Equal(["notice", "account-closed", "filed"],
            await row.Locator("li[data-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)"));
        Assert.Contains("应于", await row.Locator("li[data-step='notice']").InnerTextAsync(), StringComparison.Ordinal);
        var caseId = (await row.GetAttributeAsync("data-case"))!;

        var notice = row.Locator("li[data-step='notice']");
        await notice.Locator("input[name=link]").FillAsync("https://weibo.example.cn/dh-yjgl/stop-notice");
        await notice.Locator("input[name=note]").FillAsync("已发布停更公告");
        await notice.Locator("button[type=submit]").ClickAsync();
        await page.Locator($"tr[data-case='{caseId}'] li[data-step='notice'].done").WaitForAsync();

        var zone = demo.Host.Services.GetRequiredService<MatrixConfig>().Matrix.TimeZone;
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var closing = page.Locator($"tr[data-case='{caseId}'] li[data-step='account-closed']");
        await closing.Locator("input[name=at]").FillAsync(today);
        await closing.Locator("button[type=submit]").ClickAsync();
        await page.Locator($"tr[data-case='{caseId}'] li[data-step='account-closed'].done").WaitForAsync();

        var filing = page.Locator($"tr[data-case='{caseId}'] li[data-step='filed']");
        await filing.Locator("input[name=reference]").FillAsync("定网信备〔2026〕17号");
        await filing.Locator("button[type=submit]").ClickAsync();

        var closed = page.Locator($"tr[data-case='{caseId}'][data-state='closed']");
        await closed.WaitForAsync();
        Assert.Contains("已结案", await closed.Locator("td.case-state").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await closed.Locator("li.step.done").CountAsync());
        Assert.Equal(0, await closed.Locator("form").CountAsync());
        Assert.Contains("定网信备〔2026〕17号", await closed.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("cleanup-case.png"), FullPage = true });

        // Every step in the trail, with who.
        var trail = await demo.Host.Services.GetRequiredService<ICaseStore>().GetCaseAuditAsync(caseId, CancellationToken.None);
        Assert.Equal([CaseAction.StepDone, CaseAction.StepDone, CaseAction.StepDone, CaseAction.Closed], trail.Skip(1).Select(e => e.Action));
        Assert.All(trail.Skip(1), e => Assert.Equal("operator", e.By));

        // The quarter's bulletin, generated the way the bulletin verb and job do.
        var now = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var period = BulletinPeriod.Quarter(local.Year, ((local.Month - 1) / 3) + 1);
        var bulletin = await demo.Host.Services.GetRequiredService<BulletinService>().CreateAsync(period, now, CancellationToken.None);
        var table = BulletinTables.Of(bulletin).Single(t => t.Name == BulletinTables.Cases);
        var listed = Assert.Single(table.Rows, r => r[0].Text == "定海应急");
        Assert.Equal("注销关停", listed[3].Text);
        Assert.StartsWith("已结案", listed[6].Text, StringComparison.Ordinal);
        Assert.Contains("注销备案 已完成", listed[5].Text, StringComparison.Ordinal);
        Assert.Contains("定海应急", BulletinHtml.Render(bulletin), StringComparison.Ordinal);
        Assert.Empty(dialogs);
    }
}
