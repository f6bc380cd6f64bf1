using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Tasks;
using static MediaMatrix.Monitoring.Tests.Bulletins.BulletinCast;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

/// <summary>One clock: every time in a bulletin is the matrix's wall clock, whatever offset the instants arrived with (the
/// store keeps UTC), and the summary names the zone once; the printed document is A4 with page numbers.</summary>
public sealed partial class BulletinZoneTests
{
    // The instants in UTC, as the store hands them over: the bulletin must still print Beijing time.
    private static Bulletin InUtc()
    {
        var report = Standard();
        var utc = report with
        {
            EvaluatedAt = End.ToUniversalTime(),
            Accounts = [.. report.Accounts.Select(a => (a.Account, a.Evaluation with { LastPostAt = a.Evaluation.LastPostAt?.ToUniversalTime() }))],
        };
        return BulletinBuilder.Build(Inputs(utc));
    }

    [Fact]
    public void Summary_NamesTheZoneOnce_AndEveryTimeIsTheMatrixWallClock()
    {
        var bulletin = InUtc();
        var summary = BulletinTables.Of(bulletin)[0];
        var text = Encoding.UTF8.GetString(BulletinCsv.Render(bulletin));

        Assert.Equal("2027-01-01 00:00", Value(summary, "监测时间点"));
        Assert.StartsWith("Asia/Shanghai（UTC+08:00）", Value(summary, BulletinTables.ZoneRow), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(text, "Asia/Shanghai"));
        // The evaluation at midnight Beijing and posts a day before: 2026-12-31 00:00 and 2027-01-01 00:00, never 16:00 UTC.
        var times = TimeLike().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.EndsWith(" 00:00", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Lead_SaysTheEvaluationInstantInTheMatrixZone()
    {
        var lead = BulletinHtml.Lead(InUtc());

        Assert.StartsWith("截至2027年1月1日 00:00", lead, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintedDocument_IsA4_WithPageNumbers_WrappingCells_AndTheIdLast()
    {
        var html = BulletinHtml.Render(InUtc());
        var document = new HtmlParser().ParseDocument(html);
        var style = document.QuerySelector("style")!.TextContent;

        Assert.Contains("@page{size:A4", style, StringComparison.Ordinal);
        Assert.Contains("counter(page)", style, StringComparison.Ordinal);
        Assert.Contains("@media print", style, StringComparison.Ordinal);
        Assert.Contains("overflow-wrap:anywhere", style, StringComparison.Ordinal);
        Assert.Contains("thead{display:table-header-group}", style, StringComparison.Ordinal);
        var details = document.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == BulletinTables.Accounts);
        Assert.Equal("wide", details.ClassName); // 14 columns: a landscape page of its own
        Assert.Equal(["账号名称", "部门"], details.QuerySelectorAll("th").Take(2).Select(h => h.TextContent));
        Assert.Equal("账号ID", details.QuerySelectorAll("th")[^1].TextContent);
    }

    [Fact]
    public void TaskRows_NameTheMissingAccountsByNameAndUnit()
    {
        var task = new ClusterTask("t-1", "冬季征兵", null, End.AddDays(-10), End.AddDays(-8), []);
        var matrix = CompletionMatrix.Build([task], ["dh-edu"], new Dictionary<string, IReadOnlyList<Post>>(), [], End, new TaskMatchOptions());

        var bulletin = BulletinBuilder.Build(Inputs(tasks: matrix));

        Assert.Equal(["定海教育 · 区教育局"], Assert.Single(bulletin.Tasks).Missing);
    }

    private static string Value(SheetTable table, string item) => table.Rows.Single(r => r[0].Text == item)[1].Text!;

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex TimeLike();
}
