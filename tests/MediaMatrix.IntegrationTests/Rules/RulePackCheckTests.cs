using System.Globalization;
using System.Text.Json;
using MediaMatrix.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.IntegrationTests.Rules;

/// <summary>
/// Issue 14's acceptance through the real binary over loopback HTTP: at <c>--now 2026-02-12T10:00+08:00</c> a member last
/// posting on 5 February is warned with the Spring Festival named, one posting on 12 February is not, the same ages in
/// June follow the calendar-day rule, and a stricter pack changes the verdict and is named in the report.
/// </summary>
public sealed class RulePackCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task SpringFestival_WarnsInWorkingDays_June_FollowsTheCalendarDayRule()
    {
        await using var server = await LoopbackServer.StartAsync(FeedAsync);
        var dir = Directory.CreateTempSubdirectory("mm-rules-check-").FullName;
        try
        {
            var feb = await CheckAsync(server, dir, "feb", rules: null, "2026-02-12T10:00:00+08:00");
            Assert.Equal("national", feb.GetProperty("rules").GetProperty("pack").GetString());
            var early = Account(feb, "early");
            Assert.Equal("qualified", early.GetProperty("verdict").GetString());
            Assert.Equal(3, early.GetProperty("vetoInWorkingDays").GetInt32());
            Assert.Contains("含春节假期", early.GetProperty("warnings")[0].GetProperty("zh").GetString(), StringComparison.Ordinal);
            var recent = Account(feb, "recent");
            Assert.Equal(0, recent.GetProperty("warnings").GetArrayLength());

            var june = await CheckAsync(server, dir, "jun", rules: null, "2026-06-12T10:00:00+08:00");
            Assert.Equal(0, Account(june, "early").GetProperty("warnings").GetArrayLength());
            Assert.Equal(0, Account(june, "recent").GetProperty("warnings").GetArrayLength());

            // The weekly floor: 5 February is more than seven days back on the 12th.
            var weekly = await CheckAsync(server, dir, "feb", rules: "weekly-floor", "2026-02-12T10:00:00+08:00");
            Assert.Equal("weekly-floor", weekly.GetProperty("rules").GetProperty("pack").GetString());
            var vetoed = Account(weekly, "early");
            Assert.Equal("unqualified", vetoed.GetProperty("verdict").GetString());
            Assert.Contains("前7天内无更新", vetoed.GetProperty("reasons")[0].GetProperty("zh").GetString(), StringComparison.Ordinal);
            Assert.Equal("qualified", Account(weekly, "recent").GetProperty("verdict").GetString());

            // The plain table names the pack too.
            var (exit, table, stderr) = await CliProcess.RunAsync(Timeout, "check", "--config", Path.Combine(dir, "feb-weekly-floor.yaml"), "--format", "table", "--now", "2026-02-12T10:00:00+08:00");
            Assert.True(exit == 0, stderr);
            Assert.Contains("rule pack: 每周更新（省级管理办法示例） (weekly-floor 2026.1)", table, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<JsonElement> CheckAsync(LoopbackServer server, string dir, string season, string? rules, string now)
    {
        var config = Path.Combine(dir, $"{season}-{rules ?? "national"}.yaml");
        await File.WriteAllTextAsync(config, $$"""
            matrix: { name: 节假日测试, timezone: Asia/Shanghai, allowPrivateNetworks: true }
            accounts:
              - { id: head, name: 融媒体中心, platform: app, tier: head, department: 区融媒体中心, source: { kind: feed, url: "{{server.Url($"{season}/head.xml")}}" } }
              - { id: early, name: 人社发布, platform: wechat, tier: member, department: 区人力社保局, source: { kind: feed, url: "{{server.Url($"{season}/early.xml")}}" } }
              - { id: recent, name: 民政发布, platform: wechat, tier: member, department: 区民政局, source: { kind: feed, url: "{{server.Url($"{season}/recent.xml")}}" } }
            {{(rules is null ? "" : $"rules: {rules}")}}
            """);
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, "check", "--config", config, "--format", "json", "--now", now);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static JsonElement Account(JsonElement report, string id) =>
        report.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    // Each account's posts, fixed in time: the head daily up to the morning of the check, "early" last on the 5th, "recent"
    // last early on the 12th, with older posts every three days so neither is dormant.
    private static async Task FeedAsync(HttpContext context)
    {
        var parts = context.Request.Path.Value!.Trim('/').Split('/');
        var month = parts[0] == "feb" ? 2 : 6;
        var check = new DateTimeOffset(2026, month, 12, 10, 0, 0, China);
        var newest = parts[1] switch
        {
            "early.xml" => new DateTimeOffset(2026, month, 5, 9, 0, 0, China),
            "recent.xml" => new DateTimeOffset(2026, month, 12, 8, 30, 0, China),
            _ => check.AddHours(-2),
        };
        var step = parts[1] == "head.xml" ? 1 : 3;
        var items = Enumerable.Range(0, 20).Select(i => newest.AddDays(-i * step)).Select((at, i) =>
            $"<item><title>{parts[1]} 第{i}条</title><link>https://gov.example.cn/{parts[0]}/{parts[1]}/{i}.html</link><guid isPermaLink=\"false\">{parts[0]}-{parts[1]}-{i}</guid>"
            + $"<pubDate>{at.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title>{string.Concat(items)}</channel></rss>");
    }
}
