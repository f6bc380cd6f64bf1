using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaMatrix.Simulator.History;

namespace MediaMatrix.Simulator.Tests;

/// <summary>The behaviours that break collection rather than the posting history.</summary>
public sealed partial class SourceFaultTests
{
    [Fact]
    public async Task Down_AnswersEveryRequestWith503AndPlainText()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            using var response = await simulator.Http.GetAsync("feeds/down/rss.xml");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Flaky_FailsEveryThirdRequest()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await simulator.Http.GetAsync("feeds/flaky/rss.xml");
            statuses.Add(response.StatusCode);
        }

        var failed = statuses.Select((status, index) => (status, number: index + 1)).Where(r => r.status != HttpStatusCode.OK).Select(r => r.number);
        Assert.Equal([3, 6, 9], failed);
    }

    [Fact]
    public async Task RateLimited_Answers429WithRetryAfterAnHour()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("feeds/rate-limited/rss.xml");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task LayoutChanged_ServesMarkupTheProfileMisses_AfterThreeRequests()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("<ul class=\"news-list\">", await simulator.GetStringAsync("sites/layout-changed/list.html"));
        }

        var changed = await simulator.GetStringAsync("sites/layout-changed/list.html");
        Assert.DoesNotContain("news-list", changed);
        Assert.DoesNotContain("class=\"date\"", changed);
        Assert.Contains("<div class=\"list-box\">", changed);
        Assert.Equal(20, ArticleLink().Count(changed));
    }

    [Fact]
    public async Task Undated_HtmlItemsHaveMissingOrGarbageDates()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var html = await simulator.GetStringAsync("sites/undated/list.html");

        var items = ListItem().Matches(html);
        Assert.Equal(20, items.Count);
        Assert.Contains(items, item => !item.Value.Contains("class=\"date\"", StringComparison.Ordinal));
        Assert.Contains(items, item => item.Value.Contains("class=\"date\"", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"class=""date"">20\d\d-", html);
    }

    [Fact]
    public async Task Undated_RssItemsHaveMissingOrGarbagePubDates()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("feeds/undated-rss/rss.xml");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Null(response.Content.Headers.LastModified);
        Assert.DoesNotContain("<lastBuildDate>", xml);
        Assert.Equal(20, Regex.Count(xml, "<item>"));
        Assert.InRange(Regex.Count(xml, "<pubDate>"), 1, 19);
        Assert.DoesNotMatch("<pubDate>[A-Z]", xml);
    }

    [Fact]
    public async Task Gbk_PageIsEncodedInGbk_AndSaysSoOnlyInTheMetaTag()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var response = await simulator.Http.GetAsync("sites/gbk/list.html");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Null(response.Content.Headers.ContentType?.CharSet);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = Encoding.GetEncoding("gbk").GetString(bytes);
        Assert.Contains("<meta charset=\"gbk\">", html);
        Assert.Contains("测试gbk", html);
        Assert.Contains("<ul class=\"news-list\">", html);
        Assert.DoesNotContain("测试gbk", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task LayoutChanged_ByTime_ServesTheNewMarkupOnceTheTimeHasCome()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("<ul class=\"news-list\">", await simulator.GetStringAsync("sites/layout-by-time/list.html"));
        }

        simulator.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("<div class=\"list-box\">", await simulator.GetStringAsync("sites/layout-by-time/list.html"));
    }

    [Fact]
    public async Task Gbk_WithLateMeta_PutsTheCharsetPastTheFirstKilobyte()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var bytes = await simulator.Http.GetByteArrayAsync("sites/gbk-late-meta/list.html");

        var meta = Encoding.ASCII.GetBytes("<meta charset=\"gbk\">");
        Assert.True(bytes.AsSpan().IndexOf(meta) > 1024);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Contains("测试gbk-late-meta", Encoding.GetEncoding("gbk").GetString(bytes));
    }

    [Fact]
    public async Task Hostile_JsonFeedCarriesTheCorpusInTitlesAndLinks()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        using var feed = JsonDocument.Parse(await simulator.GetStringAsync("feeds/hostile/feed.json"));

        var items = feed.RootElement.GetProperty("items").EnumerateArray().ToList();
        var titles = items.Select(item => item.GetProperty("title").GetString()!).ToList();
        var served = HostilePayloads.Titles.Where(payload => titles.Any(title => title.Contains(payload, StringComparison.Ordinal))).ToList();
        // Two payloads a title: one page shows most of the corpus at once.
        Assert.True(served.Count >= 30, $"{served.Count} payloads on one page");
        Assert.InRange(items.Count(item => HostilePayloads.Links.Contains(item.GetProperty("url").GetString()!)), 4, 10);
    }

    [Fact]
    public async Task Hostile_RssKeepsLineBreaksAndPayloadsAsText()
    {
        await using var simulator = await RunningSimulator.StartAsync();
        var all = new List<FeedPost>();

        // Step through four months of history: a member posting every other day meets every payload by then.
        for (var step = 0; step < 24; step++)
        {
            all.AddRange(await simulator.ReadRssAsync("hostile-rss"));
            simulator.Clock.Advance(TimeSpan.FromDays(5));
        }

        Assert.All(HostilePayloads.Titles, payload => Assert.Contains(all, post => post.Title.Contains(payload, StringComparison.Ordinal)));
        Assert.All(HostilePayloads.Links, payload => Assert.Contains(all, post => post.Link == payload));
    }

    [Fact]
    public async Task Hostile_HtmlListCarriesPayloadsAsText_SoAParserGetsThemBack()
    {
        await using var simulator = await RunningSimulator.StartAsync();

        var html = await simulator.GetStringAsync("sites/hostile-html/list.html");

        var hrefs = Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(hrefs, HostilePayloads.Links.Contains);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }

    [GeneratedRegex(@"<li><a href=""([^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"<a href=""/sites/[a-z0-9-]+/art/\d{4}/\d{2}/\d{2}/art_\d+\.html""")]
    private static partial Regex ArticleLink();

    [GeneratedRegex("<li>.*?</li>")]
    private static partial Regex ListItem();
}
