using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Bulletins.BulletinCast;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

/// <summary>Reliability X1: config and scraped strings are hostile; the page shows them as text and runs nothing.</summary>
public sealed class BulletinHtmlTests
{
    private const string HostileName = "<img src=x onerror=alert(1)>";
    private const string HostileLink = "javascript:alert(document.cookie)";

    [Fact]
    public void HostileNameAndTaskLink_AreShownAsText_NeverAsMarkupOrHref()
    {
        var html = BulletinHtml.Render(BulletinBuilder.Build(Inputs(report: Standard(HostileName), tasks: HostileTask())));

        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("img, script, iframe, object, embed, a[href], [href], [src]"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(document.QuerySelectorAll("td"), td => td.TextContent == HostileName);
        Assert.Contains(document.QuerySelectorAll("td"), td => td.TextContent == HostileLink);
        Assert.Contains(document.QuerySelectorAll("td"), td => td.TextContent == "<script>alert(1)</script>冬季征兵");
    }

    [Fact]
    public void Page_IsSelfContained_AndKeepsChineseAsText()
    {
        var html = BulletinHtml.Render(BulletinBuilder.Build(Inputs()));

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("定海区政务新媒体矩阵2026年第四季度检查情况通报", document.Title);
        Assert.Empty(document.QuerySelectorAll("link, script, [style]"));
        Assert.Contains("default-src 'none'", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains("定海住建", html, StringComparison.Ordinal); // not &#x5B9A;…
        Assert.Contains("合格率66.67%", document.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTable_HasAHeading_AndTheUnqualifiedTableListsTheVetoedAccounts()
    {
        var document = new HtmlParser().ParseDocument(BulletinHtml.Render(BulletinBuilder.Build(Inputs())));

        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(
            [BulletinTables.Summary, BulletinTables.Change, BulletinTables.Unqualified, BulletinTables.Problems, BulletinTables.Content,
             BulletinTables.Weak, BulletinTables.ZombieOrDormant, BulletinTables.Cases,
             BulletinTables.Departments, BulletinTables.Tasks, BulletinTables.Accounts, BulletinTables.Year],
            headings);
        var unqualified = document.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == BulletinTables.Unqualified);
        // Name first, the id last: a secondary detail.
        Assert.Equal(["dh-zj", "dh-yjgl"], unqualified.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[^1].TextContent));
    }

    [Fact]
    public void ProblemList_HasTheInspectionColumns_AndAVetoRowPerUnqualifiedAccount()
    {
        var document = new HtmlParser().ParseDocument(BulletinHtml.Render(BulletinBuilder.Build(Inputs())));

        var problems = document.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == BulletinTables.Problems);
        Assert.Equal(["账号名称", "平台", "开设单位", "问题类别", "检查时更新日期", "问题描述", "整改期限"],
            problems.QuerySelectorAll("th").Select(h => h.TextContent));
        var vetoes = problems.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList())
            .Where(cells => cells[3] == "单项否决").ToList();
        Assert.Equal(["定海住建", "定海应急"], vetoes.Select(cells => cells[0]));
        Assert.All(vetoes, cells => Assert.StartsWith("单项否决：", cells[5], StringComparison.Ordinal));
        Assert.All(vetoes, cells => Assert.Matches(@"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$|^未采集到$", cells[4]));
    }

    private static CompletionMatrix HostileTask()
    {
        var task = new ClusterTask("t-x", "<script>alert(1)</script>冬季征兵", new Uri(HostileLink),
            End.AddDays(-10), End.AddDays(-8), []);
        return CompletionMatrix.Build([task], ["dh-edu"], new Dictionary<string, IReadOnlyList<Post>>(), [], End, new TaskMatchOptions());
    }
}
