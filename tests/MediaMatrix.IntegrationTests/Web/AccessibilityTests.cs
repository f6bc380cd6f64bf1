using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>
/// Issue 15 point 9 in real Chromium at the smallest screen an office has (1366×768): axe-core's WCAG 2 A/AA rules find
/// no serious or critical violation on any page, in Chinese and in English; every page fits the width (nothing but a
/// wide table scrolls sideways); and every action on a page can be reached with the keyboard.
/// </summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class AccessibilityTests(DemoWorkplace demo) : IAsyncLifetime
{
    private static readonly string[] Pages = ["/", "/accounts/dh-hrss", "/alerts", "/cleanup", "/tasks", "/reports"];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    public static TheoryData<string> Languages => new() { "zh", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryPage_HasNoSeriousAxeViolation_FitsTheWidth_AndIsKeyboardReachable(string lang)
    {
        var page = await NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync(Url($"/login?lang={lang}"));
        problems.AddRange(await CheckAsync(page, "/login", lang));
        await page.FillAsync("input[name=username]", "operator");
        await page.FillAsync("input[name=password]", WorkplaceHost.OperatorPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));

        foreach (var path in Pages)
        {
            await page.GotoAsync(Url(path));
            problems.AddRange(await CheckAsync(page, path, lang));
        }

        Assert.True(problems.Count == 0, $"{lang}:\n" + string.Join('\n', problems));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    private string Url(string path) => new Uri(demo.Host.BaseUrl, path).ToString();

    private static async Task<List<string>> CheckAsync(IPage page, string path, string lang)
    {
        var problems = new List<string>();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var where = string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html));
            problems.Add($"{path}: axe {violation.Id} ({violation.Impact}) on {violation.Nodes.Length} node(s): {violation.Help} — {where}");
        }

        // Only a table may be wider than the screen (it scrolls in its own box); the page itself must not.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
            problems.Add($"{path}: the page is {overflow}px wider than a 1366px screen");

        // Every link, button and field is in the tab order (no tabindex=-1 or disabled action without a reason).
        var unreachable = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main a[href], main button, main input:not([type=hidden]), main select, main textarea')]
                .filter(e => e.tabIndex < 0 || (e.disabled && !e.title))
                .map(e => e.outerHTML.slice(0, 120))
            """);
        problems.AddRange(unreachable.Select(h => $"{path}: not keyboard reachable: {h}"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"a11y-1366{(path == "/" ? "-overview" : path.Replace('/', '-'))}-{lang}.png") });
        return problems;
    }
}
