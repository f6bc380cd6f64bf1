using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MediaMatrix.Simulator.Tests;

public sealed partial class SourceFormatTests
{
    [Fact]
    public async Task Rss_DatesAreRfc822InChinaTime()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var xml = await simulator.GetStringAsync("feeds/active/rss.xml");

        var dates = Regex.Matches(xml, "<pubDate>(.*?)</pubDate>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(20, dates.Count);
        Assert.All(dates, date => Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0800$", date));
    }

    [Fact]
    public async Task Atom_HasEntriesWithLinksAndDates()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var feed = XDocument.Parse(await simulator.GetStringAsync("feeds/atom/atom.xml"));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(20, entries.Count);
        Assert.All(entries, entry =>
        {
            Assert.StartsWith(simulator.Host.BaseUrl.AbsoluteUri, (string)entry.Element(atom + "link")!.Attribute("href")!);
            Assert.EndsWith("+08:00", (string)entry.Element(atom + "published")!);
        });
    }

    [Fact]
    public async Task JsonFeed_IsVersion11WithDatedItems()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var feed = JsonDocument.Parse(await simulator.GetStringAsync("feeds/json/feed.json"));

        Assert.Equal("https://jsonfeed.org/version/1.1", feed.RootElement.GetProperty("version").GetString());
        var items = feed.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(20, items.Count);
        Assert.All(items, item => DateTimeOffset.Parse(item.GetProperty("date_published").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task HtmlList_HasTheGovernmentCmsMarkup_NewestFirst()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("sites/site/list.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("<ul class=\"news-list\">", html);
        var items = NewsItem().Matches(html);
        Assert.Equal(20, items.Count);
        var dates = items.Select(m => DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(items, m => Assert.Equal(m.Groups["title"].Value, m.Groups["text"].Value));
        Assert.All(items, m => Assert.Contains(m.Groups["date"].Value.Replace('-', '/'), m.Groups["href"].Value));
    }

    [Fact]
    public async Task PostLinks_OpenAnArticlePage()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        var html = await simulator.GetStringAsync("sites/site/list.html");
        var rss = await simulator.ReadRssAsync("active");

        var siteArticle = await simulator.GetStringAsync(NewsItem().Match(html).Groups["href"].Value);
        var feedArticle = await simulator.GetStringAsync(rss[0].Link);

        Assert.Contains("class=\"article-title\"", siteArticle);
        Assert.Contains(WebUtility.HtmlEncode(rss[0].Title), feedArticle);
    }

    [Theory]
    [InlineData("feeds/active/atom.xml")]
    [InlineData("feeds/nobody/rss.xml")]
    [InlineData("sites/active/list.html")]
    [InlineData("posts/active/2099010100.html")]
    public async Task UnknownAccountOrFormatNotCast_Is404(string path)
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex(@"<li><a href=""(?<href>/sites/site/art/\d{4}/\d{2}/\d{2}/art_\d+\.html)"" title=""(?<title>[^""]+)"" target=""_blank"">(?<text>[^<]+)</a><span class=""date"">(?<date>\d{4}-\d{2}-\d{2})</span></li>")]
    private static partial Regex NewsItem();
}
