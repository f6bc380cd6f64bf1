using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MediaMatrix.Simulator.History;
using MediaMatrix.Web;

namespace MediaMatrix.IntegrationTests.Web;

/// <summary>Reliability X1 (scraped text is inert on every page, raw-but-typed in the API), X3 (security headers on every HTML response)
/// and X5 (CSV cells a spreadsheet would run are neutralised). The demo cast's Hostile account serves the XSS corpus.</summary>
[Collection(DemoWorkplaceCollection.Name)]
public sealed class HostileTextTests(DemoWorkplace demo)
{
    public static IEnumerable<string> Pages(WorkplaceHost host)
    {
        yield return "/";
        yield return "/?lang=en";
        yield return "/?group=platform&sort=name";
        yield return "/cleanup";
        yield return "/tasks";
        yield return "/reports";
        yield return "/alerts";
        foreach (var id in host.Services.GetService(typeof(Monitoring.Matrix.MatrixConfig)) is Monitoring.Matrix.MatrixConfig m ? m.Accounts.Select(a => a.Id) : [])
        {
            yield return "/accounts/" + id;
        }
    }

    [Fact]
    public async Task X1_EveryPage_ShowsTheHostilePayloadsAsText_AndEveryLinkIsHttpOrHashOrOurOwn()
    {
        using var admin = await demo.Host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        var hostile = await admin.GetStringAsync("/accounts/dh-police-dy");
        Assert.Contains(HostilePayloads.Titles, p => p.Contains('<', StringComparison.Ordinal) && hostile.Contains(Html.E(p), StringComparison.Ordinal));
        var parser = new HtmlParser();
        foreach (var path in Pages(demo.Host))
        {
            var html = await admin.GetStringAsync(path);
            foreach (var payload in HostilePayloads.Titles.Where(p => p.Contains('<', StringComparison.Ordinal)))
            {
                Assert.False(html.Contains(payload, StringComparison.Ordinal), $"{path} has the raw payload {payload}");
            }

            var document = parser.ParseDocument(html);
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: <{element.LocalName} {attribute.Name}>");
                    if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                    {
                        Assert.True(SafeLink(attribute.Value), $"{path}: {attribute.Name}=\"{attribute.Value}\"");
                    }
                }
            }

            Assert.All(document.Scripts, s => Assert.Equal("/static/app.js", s.Source));
            Assert.Empty(document.QuerySelectorAll("iframe, object, embed, foreignObject"));
        }
    }

    // http(s), '#', or a path on this site (our own navigation); never javascript:, data:, //host.
    private static bool SafeLink(string value) =>
        value == "#" || value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal)
        || (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)) || value.StartsWith('?');

    [Fact]
    public async Task X1_TheApi_ReturnsScrapedTextRaw_AsJsonStrings()
    {
        using var admin = await demo.Host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        using var response = await admin.GetAsync("/api/v1/accounts/dh-police-dy/posts?days=400&pageSize=500");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var titles = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title")).ToList();
        Assert.All(titles, t => Assert.Equal(JsonValueKind.String, t.ValueKind));
        Assert.Contains(titles, t => HostilePayloads.Titles.Any(p => p.Contains('<', StringComparison.Ordinal) && t.GetString()!.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task X3_EveryHtmlResponse_CarriesCspWithoutInlineScript_NoSniff_AndFrameAncestors()
    {
        using var admin = await demo.Host.LogInAsync("admin", WorkplaceHost.AdminPassword);
        using var anonymous = demo.Host.Client();
        var responses = new List<(string, HttpResponseMessage)>();
        foreach (var path in Pages(demo.Host).Append("/accounts/no-such-account"))
        {
            responses.Add((path, await admin.GetAsync(path)));
        }

        responses.Add(("/login", await anonymous.GetAsync("/login")));
        responses.Add(("/login?lang=en", await anonymous.GetAsync("/login?lang=en")));
        Assert.True(responses.Count > 20);
        foreach (var (path, response) in responses)
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(string.IsNullOrEmpty(path));
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tleading tab")]
    [InlineData("\rleading cr")]
    [InlineData("\0nul")]
    public void X5_CsvCellsThatASpreadsheetWouldRun_AreNeutralised_AndReadBackEqual(string value)
    {
        var cell = ReportsPage.Cell(value);
        var unquoted = cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
        Assert.StartsWith("'", unquoted, StringComparison.Ordinal);
        Assert.Equal(value, unquoted[1..]);
    }
}
