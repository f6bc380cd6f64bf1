using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MediaMatrix.IntegrationTests.Bulletins;
using MediaMatrix.IntegrationTests.Web;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Web;
using Microsoft.Extensions.DependencyInjection;

namespace MediaMatrix.IntegrationTests.Reports;

/// <summary>Bulletins from the page: an operator generates the quarter's bulletin with the reports form, sees it listed with
/// its period, pack and time, and downloads the HTML, XLSX and CSV; a viewer cannot generate one; bad input says why.</summary>
[Collection(BulletinWorkplaceCollection.Name)]
public sealed class BulletinPageTests(BulletinWorkplace workplace)
{
    [Fact]
    public async Task Operator_GeneratesTheQuarter_SeesItListed_AndDownloadsEveryFormat()
    {
        using var op = await workplace.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);
        var zone = workplace.Matrix.Matrix.TimeZone;
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var quarter = BulletinPeriod.Quarter(now.Year, (now.Month - 1) / 3 + 1).Label;
        var pack = (await workplace.Host.Services.GetRequiredService<MatrixView>().ReportAsync(CancellationToken.None)).Pack;

        var form = new HtmlParser().ParseDocument(await op.GetStringAsync("/reports")).QuerySelector("form[action='/reports/bulletins']")!;
        Assert.All(form.QuerySelectorAll("select, input:not([type=hidden])"), control =>
            Assert.NotNull(form.QuerySelector($"label[for='{control.Id}']"))); // a label on every control
        Assert.Equal(quarter, form.QuerySelector("#bulletin-period")!.GetAttribute("value"));

        var before = DateTimeOffset.UtcNow;
        using var posted = await WorkplaceHost.PostFormAsync(op, "/reports/bulletins", new() { ["kind"] = "quarter", ["period"] = quarter }, "/reports");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/reports#bulletins", posted.Headers.Location!.OriginalString);

        var listed = (await op.GetFromJsonAsync<JsonElement>("/api/v1/bulletins")).EnumerateArray().Single(b => b.GetProperty("period").GetString() == quarter);
        Assert.Equal(pack.Label, listed.GetProperty("pack").GetString());
        var generatedAt = listed.GetProperty("generatedAt").GetDateTimeOffset();
        Assert.InRange(generatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(zone.GetUtcOffset(generatedAt), generatedAt.Offset); // API JSON: ISO 8601 with the zone's offset
        Assert.Equal(["html", "xlsx", "csv"], listed.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("format").GetString()));

        var row = new HtmlParser().ParseDocument(await op.GetStringAsync("/reports")).QuerySelectorAll("table.bulletins tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).Single(r => r[0].StartsWith(quarter, StringComparison.Ordinal));
        Assert.Contains(pack.Label, row[1], StringComparison.Ordinal);
        Assert.Equal(ZoneClock.Time(generatedAt, zone), row[3]);
        Assert.Equal("HTML · XLSX · CSV", row[4]);

        var accounts = workplace.Matrix.Accounts;
        using (var html = await op.GetAsync($"/reports/bulletins/bulletin-{quarter}.html"))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
            var document = new HtmlParser().ParseDocument(await html.Content.ReadAsStringAsync());
            Assert.EndsWith("检查情况通报", document.Title, StringComparison.Ordinal);
            Assert.Contains("@page{size:A4", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
            var details = document.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == BulletinTables.Accounts);
            Assert.Equal(accounts.Select(a => (a.Name, a.Department, a.Id)).Order(),
                details.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")).Select(c => (c[0].TextContent, c[1].TextContent, c[^1].TextContent)).Order());
        }

        using (var xlsx = await op.GetAsync($"/reports/bulletins/bulletin-{quarter}.xlsx"))
        {
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
            var path = Path.Combine(workplace.Folder, $"download-{Guid.NewGuid():N}.xlsx");
            await File.WriteAllBytesAsync(path, await xlsx.Content.ReadAsByteArrayAsync());
            using var workbook = await OpenpyxlReader.ReadAsync(path);
            File.Delete(path);
            var summary = workbook.RootElement.GetProperty("cells").GetProperty(BulletinTables.Summary).EnumerateArray()
                .ToDictionary(r => r[0].GetProperty("v").ToString(), r => r[1].GetProperty("v"));
            Assert.Equal(quarter, summary["通报期"].GetString());
            Assert.Equal(accounts.Count, summary["检查账号数"].GetInt32());
            Assert.StartsWith($"{zone.Id}（", summary[BulletinTables.ZoneRow].GetString(), StringComparison.Ordinal);
        }

        using (var csv = await op.GetAsync($"/reports/bulletins/bulletin-{quarter}.csv"))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            Assert.Contains($"通报期,{quarter}\r\n", text, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"检查账号数,{accounts.Count}\r\n"), text, StringComparison.Ordinal);
        }

        using var elsewhere = await op.GetAsync("/reports/bulletins/..%2Fsecrets.json");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var record = await op.GetAsync($"/reports/bulletins/bulletin-{quarter}.json");
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode); // only the listed formats are served
    }

    [Theory]
    [InlineData("quarter", "2026Q5", "不是季度")]
    [InlineData("quarter", "2026-11", "不是季度")]
    [InlineData("month", "2026-13", "不是月份")]
    [InlineData("month", "", "请填写")]
    [InlineData("year", "2026", "不是季度（quarter）或月度（month）")]
    [InlineData("quarter", "2999Q1", "尚未开始")]
    public async Task BadPeriod_Is400_WithTheReason(string kind, string period, string reason)
    {
        using var op = await workplace.Host.LogInAsync("operator", WorkplaceHost.OperatorPassword);

        using var response = await WorkplaceHost.PostFormAsync(op, "/reports/bulletins", new() { ["kind"] = kind, ["period"] = period }, "/reports");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var alert = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains(reason, alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_CannotGenerate_AndIsNotOfferedTheForm()
    {
        using var viewer = await workplace.Host.LogInAsync("viewer", WorkplaceHost.ViewerPassword);
        var page = await viewer.GetStringAsync("/reports");
        Assert.DoesNotContain("action=\"/reports/bulletins\"", page, StringComparison.Ordinal);

        using var response = await viewer.PostAsync("/reports/bulletins", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = WorkplaceHost.TokenIn(page),
            ["kind"] = "month",
            ["period"] = "2026-01",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Directory.Exists(workplace.Folder) ? Directory.GetFiles(workplace.Folder) : [], f => f.Contains("2026-01", StringComparison.Ordinal));
    }
}
