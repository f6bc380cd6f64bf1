using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary><c>digest --preview</c> as a new user runs it, against the simulator on the embedded store: it polls first, as
/// <c>check</c> and <c>bulletin</c> do, so the preview judges the accounts instead of calling every one unread.</summary>
public sealed class DigestPreviewCommandTests
{
    [Fact]
    public async Task Preview_OnTheEmbeddedStore_PollsFirst_SoOnlyTheDownSiteIsUnread()
    {
        await using var simulator = await DemoSimulator.StartAsync();
        var output = Path.Combine(Path.GetTempPath(), $"digest-preview-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "digest", "--config", simulator.ConfigPath, "--preview", output);

            Assert.True(exit == 0, stderr);
            Assert.Contains("[21/21]", stderr, StringComparison.Ordinal);
            Assert.Contains(output, stdout, StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(output);
            // Only the simulated site that is down (dh-sthj) was never read; before, all 21 accounts said so.
            Assert.Equal(1, Occurrences(html, "采集源尚未成功读取"));
            Assert.Contains("不合格", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
