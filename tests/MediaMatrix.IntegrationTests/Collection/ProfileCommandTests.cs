using MediaMatrix.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MediaMatrix.IntegrationTests.Collection;

/// <summary><c>profile test</c>: one page fetched, what the profile read and what it could not.</summary>
public sealed class ProfileCommandTests(ITestOutputHelper output)
{
    private const string Page = """
        <html><head><meta charset="utf-8"></head><body>
        <ul class="list-b">
          <li><a href="/art/2026/11/20/art_1229_1.html" title="区政府召开常务会议">区政府召开常务会议</a><span>[2026-11-20]</span></li>
          <li><a href="/art/2026/11/19/art_1229_2.html" title="防汛防台工作部署">防汛防台工作部署</a><span>[2026-11-19]</span></li>
          <li><a title="无链接的条目">无链接的条目</a><span>日期待定</span></li>
        </ul>
        <a class="next" href="index_2.html">下一页</a>
        </body></html>
        """;

    [Fact]
    public async Task ProfileTest_PrintsWhatWasExtractedAndWhatWasNot()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            return c.Response.WriteAsync(Page);
        });
        var config = Path.Combine(Path.GetTempPath(), $"mm-profile-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, $$"""
            matrix: { name: 测试, allowPrivateNetworks: true }
            accounts:
              - { id: head, name: 主账号, platform: app, tier: head, department: 部门, source: { kind: feed, url: "http://rsshub.example.gov.cn/x" } }
            profiles:
              new-site:
                items: "ul.list-b li"
                title: "a@title"
                link: "a@href"
                published: "span"
                replace: ["published: [\\[\\]] => "]
                nextPage: "a.next@href"
            """);
        try
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1),
                "profile", "test", "--config", config, "--profile", "new-site", "--url", server.Url("col/col1229/index.html").AbsoluteUri);
            output.WriteLine(stdout + stderr);

            Assert.Equal(0, exit);
            Assert.Contains("3 items — 2 dated, 1 undated, 0 pinned, 1 without a link", stdout, StringComparison.Ordinal);
            Assert.Contains("2026-11-20 00:00  区政府召开常务会议", stdout, StringComparison.Ordinal);
            Assert.Contains("could not read a date for 1 items", stdout, StringComparison.Ordinal);
            Assert.Contains("next page: " + server.Url("col/col1229/index_2.html"), stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task ProfileTest_SelectorThatMatchesNothing_SaysSoAndExits1()
    {
        await using var server = await LoopbackServer.StartAsync(c => c.Response.WriteAsync(Page));
        var config = Path.Combine(Path.GetTempPath(), $"mm-profile-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, """
            matrix: { name: 测试, allowPrivateNetworks: true }
            accounts:
              - { id: head, name: 主账号, platform: app, tier: head, department: 部门, source: { kind: feed, url: "http://rsshub.example.gov.cn/x" } }
            profiles:
              wrong: { items: "table.news tr", title: "a", link: "a@href", published: "td.date" }
            """);
        try
        {
            var (exit, stdout, _) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1),
                "profile", "test", "--config", config, "--profile", "wrong", "--url", server.Url("list.html").AbsoluteUri);

            Assert.Equal(1, exit);
            Assert.Contains("nothing extracted — empty", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
