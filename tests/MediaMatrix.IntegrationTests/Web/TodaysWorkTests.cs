using AngleSharp.Html.Parser;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>
/// Issue 15 point 6 on the demo matrix: the overview opens with today's work (findings nobody has decided and open alerts,
/// each a link to where it is done, in both languages), then the 12-week pass rate as server-side SVG, and a heatmap whose
/// days say whose day, which day and how many posts.
/// </summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class TodaysWorkTests(DemoWorkplace demo)
{
    [Theory]
    [InlineData("zh", "今日待办", "待确认问题", "合格率走势（近12周）")]
    [InlineData("en", "Today's work", "Unconfirmed finding", "Pass rate (last 12 weeks)")]
    public async Task Overview_OpensWithTodaysWork_ThenTheTrendAndAReadableHeatmap(string lang, string heading, string finding, string trend)
    {
        using var client = await demo.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync($"/?lang={lang}"));

        var work = document.QuerySelector("section.todays-work");
        Assert.NotNull(work);
        Assert.Equal(heading, work.QuerySelector("h2")!.TextContent);
        // The work list comes before the account table: it is what the page opens with.
        Assert.True(work.CompareDocumentPosition(document.QuerySelector("table.accounts")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var links = work.QuerySelectorAll("ul.work li a").Select(a => (Text: a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Matches("^/(accounts/[^/]+(#content-findings)?|alerts|cleanup#cases)$", l.Href));
        // The demo's flawed posts give findings to confirm; they link to the account's findings section.
        Assert.Contains(links, l => l.Text.StartsWith(finding, StringComparison.Ordinal) && l.Href.EndsWith("#content-findings", StringComparison.Ordinal));

        var chart = document.QuerySelector("section.trend svg.pass-rate");
        Assert.NotNull(chart);
        Assert.Equal(trend, document.QuerySelector("section.trend h2")!.TextContent);

        var days = document.QuerySelectorAll("svg.heatmap rect title").Select(t => t.TextContent).ToList();
        Assert.NotEmpty(days);
        Assert.All(days, d => Assert.Matches(@" \d{4}-\d{2}-\d{2}: [1-9]\d*$", d));
    }
}
