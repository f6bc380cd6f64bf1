using System.Text.RegularExpressions;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Spine;

public sealed partial class ValidateCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Validate_FiveDifferentMistakes_PrintsFiveErrorsWithLineNumbers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mm-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, """
            matrix:
              name: 定海区政务新媒体矩阵
              timezone: Asia/Shanghai
            accounts:
              - id: dinghaishan
                name: 定海山
                platform: app
                tier: head
                department: 区融媒体中心
                source: { kind: feed, url: "https://example.gov.cn/rss.xml" }
              - id: dinghaishan
                name: 重复
                platform: weibo
                tier: member
                department: 区教育局
                source: { kind: feed, url: "https://example.gov.cn/2.xml" }
              - id: dh-edu
                name: 定海教育
                platform: myspace
                tier: member
                department: 区教育局
                source: { kind: html, url: "https://example.gov.cn/list.html", profile: gov-lst }
              - id: dh-hrss
                name: 定海人社
                platform: wechat
                tier: member
                department: 区人力社保局
                source: { kind: feed, url: "ftp://example.gov.cn/feed" }
              - id: dh-mz
                name: 定海民政
                platform: wechat
                tier: member
                department: 区民政局
                source: { kind: feed, url: "https://example.gov.cn/mz.xml" }
                pollInterval: often
            profiles:
              gov-list: { items: "ul li", title: "a", link: "a@href", published: "span" }
            """);
        try
        {
            var (exit, _, stderr) = await CliProcess.RunAsync(Timeout, "validate", "--config", path);

            Assert.Equal(1, exit);
            var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, errors.Length);
            Assert.All(errors, e => Assert.Matches(LineNumbered(), e));
            Assert.Contains(errors, e => e.Contains(":11:", StringComparison.Ordinal) && e.Contains("accounts[1].id", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains(":19:", StringComparison.Ordinal) && e.Contains("platform", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains(":22:", StringComparison.Ordinal) && e.Contains("gov-lst", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains(":28:", StringComparison.Ordinal) && e.Contains("source.url", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains(":35:", StringComparison.Ordinal) && e.Contains("pollInterval", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Validate_TheBundledConfigs_AreValid()
    {
        foreach (var config in new[] { "config/demo/matrix.yaml", "config/matrix.example.yaml" })
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, "validate", "--config", Path.Combine(AppContext.BaseDirectory, config));

            Assert.True(exit == 0, stderr);
            Assert.Contains("OK", stdout, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^\S+\.yaml:\d+:\d+: \S+: .+")]
    private static partial Regex LineNumbered();
}
