using Microsoft.Playwright;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>The system's Chromium (Debian's package, installed by test.sh) driven by Playwright; Playwright's own browser
/// download is never used. A missing browser fails the test: these scenarios are never skipped.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: install Debian's chromium (test.sh does)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A page of the operator's size. The suite runs collections in parallel on 2 cores (Chromium, real hosts, kill -9 of
    /// Redis), where a page that loads in a second alone has taken over 30 s (Playwright's default): each wait is bounded
    /// at 90 s instead, so a page that never loads still fails.
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    /// <summary>TestResults/screenshots/ at the repository root (the folder holding MediaMatrix.sln).</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MediaMatrix.sln")))
        {
            dir = dir.Parent;
        }

        var folder = System.IO.Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, name);
    }
}
