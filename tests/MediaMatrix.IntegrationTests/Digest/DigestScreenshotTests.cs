using System.Diagnostics;
using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.IntegrationTests.Digest;

/// <summary>The digest HTML rendered by headless Chromium, saved as a test artefact (TestResults/digest.png beside the
/// test binary) for a human to look at. Fails without Chromium, never skips.</summary>
public sealed class DigestScreenshotTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task DigestPreview_RendersInHeadlessChromium_ScreenshotSaved()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package");
        await using var smtp = new LoopbackSmtpServer();
        await using var node = new DigestNode(DigestMatrix.Write(contacts: 6), smtp.Port);
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 1; i <= 6; i++)
        {
            var posts = Enumerable.Range(0, i * 3).Select(n => new Post($"p{i}-{n}", $"成员账号{i}的第{n}条信息", null, now.AddDays(-(n * 6) - (i == 2 ? 20 : 0)))).ToList();
            await node.Posts.RecordPollAsync(new PollRecord(DigestMatrix.AccountId(i), posts, new PollState(LastAttemptAt: now, LastSuccessAt: i == 5 ? null : now, LastError: i == 5 ? "HTTP 503" : null, ConsecutiveFailures: i == 5 ? 3 : 0)), CancellationToken.None);
        }

        var html = await node.Digest.PreviewAsync(CancellationToken.None);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;
        var page = Path.Combine(folder, "digest.html");
        var png = Path.Combine(folder, "digest.png");
        await File.WriteAllTextAsync(page, html);
        File.Delete(png);

        var start = new ProcessStartInfo(ChromiumPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars", $"--user-data-dir={Directory.CreateTempSubdirectory("mm-chromium-").FullName}", "--window-size=900,1800", $"--screenshot={png}", new Uri(page).AbsoluteUri })
            start.ArgumentList.Add(arg);
        using var chromium = Process.Start(start)!;
        var stderr = chromium.StandardError.ReadToEndAsync();
        _ = chromium.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await chromium.WaitForExitAsync(timeout.Token);

        Assert.True(File.Exists(png), $"no screenshot; chromium said: {await stderr}");
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is suspiciously small");
    }
}
