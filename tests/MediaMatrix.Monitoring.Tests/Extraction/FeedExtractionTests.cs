using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Extraction;

public class FeedExtractionTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10, 0, 0);

    private static ExtractionResult Extract(byte[] body, string? contentType = null) =>
        PostExtractor.Extract(Fixture.Request(SourceKind.Feed, body, Now, contentType: contentType, pageUrl: "https://feeds.example.cn/feed"));

    private static ExtractionResult Extract(string body) => Extract(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void RssHubOutput_YieldsTenPostsWithGmtDatesInChinaTime()
    {
        var result = Extract(Fixture.Bytes("rss/rsshub_bilibili-user-channel.xml"), "application/xml");

        Assert.Equal(10, result.Posts.Count);
        Assert.Equal(0, result.UndatedCount);
        var first = result.Posts[0];
        Assert.Equal("五年前拿奖到手软，这款锤子手机的设计今天看依然惊艳【极客博物馆第五十二期】", first.Title);
        Assert.Equal(Fixture.China(2019, 12, 7, 19, 9, 36), first.PublishedAt);
        Assert.Equal("https://www.bilibili.com/video/av78398082", first.Link);
        Assert.Equal("https://www.bilibili.com/video/av78398082", first.Id);
        Assert.All(result.Posts, p => Assert.False(p.Pinned));
    }

    [Fact]
    public void GbkMaintenancePageAtFeedUrl_IsAParseErrorNamingThePage()
    {
        var error = Assert.Throws<ExtractionException>(() =>
            Extract(Fixture.Bytes("edge-cases/gbk-no-charset_maintenance-page-served-at-feed-url.html"), "text/html"));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
        Assert.Equal("expected a feed, got an HTML page: 和讯博客 -- 系统维护中", error.Message);
    }

    [Fact]
    public void Rss1_ReadsItemsWithDublinCoreDates()
    {
        const string rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://gov.example.cn/"><title>县政府</title></channel>
              <item rdf:about="https://gov.example.cn/a/1.html">
                <title>关于做好冬季防火工作的通知</title>
                <link>https://gov.example.cn/a/1.html</link>
                <dc:date>2026-11-26T09:00:00+08:00</dc:date>
              </item>
              <item rdf:about="https://gov.example.cn/a/2.html">
                <title>第二条</title>
                <link>/a/2.html</link>
              </item>
            </rdf:RDF>
            """;

        var result = Extract(rdf);

        Assert.Equal(2, result.Posts.Count);
        Assert.Equal(1, result.UndatedCount);
        Assert.Equal("关于做好冬季防火工作的通知", result.Posts[0].Title);
        Assert.Equal(Fixture.China(2026, 11, 26, 9, 0, 0), result.Posts[0].PublishedAt);
        Assert.Equal("https://feeds.example.cn/a/2.html", result.Posts[1].Link);
        Assert.Null(result.Posts[1].PublishedAt);
    }

    [Fact]
    public void Atom_ReadsAlternateLinkIdAndHtmlTitle()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>县融媒体中心</title>
              <entry>
                <id>tag:example.cn,2026:1</id>
                <title type="html">&lt;b&gt;县长&lt;/b&gt;调研 &amp;amp; 座谈</title>
                <link rel="self" href="https://example.cn/self/1"/>
                <link rel="alternate" href="/news/1.html"/>
                <updated>2026-11-26T01:00:00Z</updated>
              </entry>
            </feed>
            """;

        var post = Assert.Single(Extract(atom).Posts);

        Assert.Equal("tag:example.cn,2026:1", post.Id);
        Assert.Equal("县长调研 & 座谈", post.Title);
        Assert.Equal("https://feeds.example.cn/news/1.html", post.Link);
        Assert.Equal(Fixture.China(2026, 11, 26, 9, 0, 0), post.PublishedAt);
    }

    [Fact]
    public void Rss2_WithoutGuidOrLink_GetsAStableHashId()
    {
        const string rss = """<rss version="2.0"><channel><item><title>通知</title><pubDate>2026-11-26</pubDate></item></channel></rss>""";

        var first = Assert.Single(Extract(rss).Posts);
        var again = Assert.Single(Extract(rss).Posts);

        Assert.StartsWith("h:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, again.Id);
    }

    [Theory]
    [InlineData("version 1", "https://jsonfeed.org/version/1")]
    [InlineData("version 1.1", "https://jsonfeed.org/version/1.1")]
    public void JsonFeed_ReadsItems(string form, string version)
    {
        var json = $$"""
            {"version":"{{version}}","title":"县政府","items":[
              {"id":"42","url":"https://example.cn/42.html","title":"  政务公开  ","date_published":"2026-11-26T09:00:00+08:00"},
              {"id":"43","content_text":"没有标题的动态"}
            ]}
            """;

        var result = Extract(json);

        Assert.Equal(2, result.Posts.Count);
        Assert.Equal("政务公开", result.Posts[0].Title);
        Assert.Equal("42", result.Posts[0].Id);
        Assert.Equal(Fixture.China(2026, 11, 26, 9, 0, 0), result.Posts[0].PublishedAt);
        Assert.Equal("没有标题的动态", result.Posts[1].Title);
        Assert.Equal(1, result.UndatedCount);
        Assert.NotNull(form);
    }

    [Theory]
    [InlineData("json object that is not a feed", """{"ok":1,"data":[]}""")]
    [InlineData("json array", """[1,2,3]""")]
    [InlineData("broken json", """{"version":""")]
    [InlineData("xml that is not a feed", """<?xml version="1.0"?><html-ish><x/></html-ish>""")]
    [InlineData("broken xml", """<rss version="2.0"><channel><item>""")]
    [InlineData("plain text", "Service Unavailable")]
    [InlineData("empty body", "")]
    public void NotAFeed_IsAParseError(string form, string body)
    {
        var error = Assert.Throws<ExtractionException>(() => Extract(body));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
        Assert.StartsWith("expected a feed", error.Message, StringComparison.Ordinal);
        Assert.NotNull(form);
    }

    [Fact]
    public void BillionLaughs_IsRefusedWithoutExpanding()
    {
        var lol = new StringBuilder("""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">""");
        for (var i = 1; i < 10; i++)
        {
            lol.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10)).Replace("&lol0;", "&lol;", StringComparison.Ordinal)}\">");
        }
        lol.Append("""]><rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>""");

        var error = Assert.Throws<ExtractionException>(() => Extract(lol.ToString()));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
    }

    [Fact]
    public void ExternalEntity_IsNeverResolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"mm-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xxe = $"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]><rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>""";

            var outcome = Record.Exception(() => Extract(xxe));

            var error = Assert.IsType<ExtractionException>(outcome);
            Assert.DoesNotContain("TOP-SECRET", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void HtmlEntitiesInXml_AreReadNotRejected()
    {
        const string rss = """<rss version="2.0"><channel><item><title>县政府&nbsp;&mdash;&nbsp;通知 &amp; 公告</title><link>https://example.cn/1</link></item></channel></rss>""";

        var post = Assert.Single(Extract(rss).Posts);

        Assert.Equal("县政府 — 通知 & 公告", post.Title);
    }

    [Fact]
    public void Rss2ItemWithoutTitle_TakesItFromTheDescription()
    {
        const string rss = """<rss version="2.0"><channel><item><description><![CDATA[<p>今天上午，县长<b>张三</b>主持召开常务会议。</p>]]></description><link>https://example.cn/2</link></item></channel></rss>""";

        var post = Assert.Single(Extract(rss).Posts);

        Assert.Equal("今天上午，县长张三主持召开常务会议。", post.Title);
    }

    [Fact]
    public void DeeplyNestedXml_IsRefusedQuickly()
    {
        var deep = "<rss version=\"2.0\"><channel><item><title>t</title><description>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</description></item></channel></rss>";

        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ExtractionException>(() => Extract(deep));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    // The fast pass checks depth as it reads instead of the guard's separate scan: both must draw the line at the same level.
    [Theory]
    [InlineData(2996, false)]
    [InlineData(2997, true)]
    public void NestingLimit_IsTheGuardsOnTheFastPass(int extraLevels, bool refused)
    {
        // rss, channel, item and description are four levels.
        var rss = "<rss version=\"2.0\"><channel><item><title>t</title><link>https://example.cn/1</link><description>" + string.Concat(Enumerable.Repeat("<x>", extraLevels))
            + string.Concat(Enumerable.Repeat("</x>", extraLevels)) + "</description></item></channel></rss>";

        Assert.Equal(refused, NestingGuard.IsTooDeep(rss, isXml: true));
        if (refused)
        {
            Assert.Contains("nested deeper than 3000", Assert.Throws<ExtractionException>(() => Extract(rss)).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("t", Assert.Single(Extract(rss).Posts).Title);
        }
    }

    [Fact]
    public void DeepNestingInABrokenFeed_IsRefusedBeforeRecovery()
    {
        var broken = "<rss version=\"2.0\"><channel><item><title>a & b</title><link>https://example.cn/1</link></item><item><description>"
            + string.Concat(Enumerable.Repeat("<x>", 5000)) + "</description></item></channel></rss>";

        var error = Assert.Throws<ExtractionException>(() => Extract(broken));

        Assert.Contains("nested deeper than 3000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyLineBreaksInsideCdata_AreNotMistakenForNesting()
    {
        var description = string.Concat(Enumerable.Repeat("第一段<br>", 5000));
        var rss = $"<rss version=\"2.0\"><channel><item><title>长文</title><description><![CDATA[{description}]]></description><link>https://example.cn/3</link></item></channel></rss>";

        var post = Assert.Single(Extract(rss).Posts);

        Assert.Equal("长文", post.Title);
    }

    [Fact]
    public void DoctypeWithoutEntities_StillParses()
    {
        const string rss = """<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><item><title>旧格式</title><link>https://example.cn/1</link></item></channel></rss>""";

        var post = Assert.Single(Extract(rss).Posts);

        Assert.Equal("旧格式", post.Title);
    }

    [Fact]
    public void RssHubTwitterOutput_RootTagOverBlankLines_YieldsEightDatedPosts()
    {
        var result = Extract(Fixture.Bytes("rss/rsshub_twitter-user_pretty-blank-lines-in-root-tag.xml"), "application/xml");

        Assert.Equal(8, result.Posts.Count);
        Assert.Equal(0, result.UndatedCount);
        Assert.Equal(0, result.DroppedCount);
        Assert.Equal("https://twitter.com/ArknightsStaff/status/1659091539023282178", result.Posts[0].Link);
        Assert.Equal(Fixture.China(2023, 5, 18, 15, 0, 21), result.Posts[0].PublishedAt);
    }

    [Fact]
    public void RssHubItemsWithoutPubDate_AreUndatedNotLastBuildDate()
    {
        var result = Extract(Fixture.Bytes("rss/rsshub_wallhaven-hot_items-without-pubDate.xml"), "application/xml");

        Assert.Equal(["85rjej.jpg", "2y322g.jpg", "rrj6qw.jpg", "9drg1d.jpg"], result.Posts.Select(p => p.Title));
        Assert.Equal("https://wallhaven.cc/w/85rjej", result.Posts[0].Link);
        Assert.Equal(4, result.UndatedCount);
    }

    [Fact]
    public void WeChatShareLinkWithBareAmpersand_KeepsTheWholeFeed()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>县融媒</title>
            <item><title>第一条</title><link>https://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1&sn=ab&from=groupmessage&isappinstalled=0</link><pubDate>Thu, 26 Nov 2026 09:00:00 +0800</pubDate></item>
            <item><title>第二条</title><link>https://example.cn/2</link><pubDate>Wed, 25 Nov 2026 09:00:00 +0800</pubDate></item>
            </channel></rss>
            """;

        var result = Extract("\uFEFF\n  " + rss);

        Assert.Equal(["第一条", "第二条"], result.Posts.Select(p => p.Title));
        Assert.Equal("https://mp.weixin.qq.com/s?__biz=MzA5&mid=1&idx=1&sn=ab&from=groupmessage&isappinstalled=0", result.Posts[0].Link);
        Assert.Equal(0, result.DroppedCount);
    }

    [Fact]
    public void TruncatedFeed_KeepsTheItemsBeforeTheBreak_AndCountsTheCutOne()
    {
        const string rss = """<?xml version="1.0"?><rss version="2.0"><channel><item><title>一</title><link>https://example.cn/1</link></item><item><title>二</title><link>https://example.cn/2</link></item><item><title>三</ti""";

        var result = Extract(rss);

        Assert.Equal(["一", "二"], result.Posts.Select(p => p.Title));
        Assert.Equal(1, result.DroppedCount);
    }

    [Fact]
    public void MismatchedItem_IsDropped_TheItemsAroundItAreKept()
    {
        const string rss = """<rss version="2.0"><channel><item><title>一</title><link>https://example.cn/1</link></item><item><title>二</titel><link>https://example.cn/2</link></item><item><title>三</title><link>https://example.cn/3</link></item></channel></rss>""";

        var result = Extract(rss);

        Assert.Equal(["一", "三"], result.Posts.Select(p => p.Title));
        Assert.Equal(1, result.DroppedCount);
    }

    [Fact]
    public void Atom03_ReadsIssuedDates()
    {
        const string atom = """<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>旧站</title><entry><title>通知</title><link rel="alternate" type="text/html" href="https://example.cn/a"/><id>tag:example.cn,2026:1</id><issued>2026-11-26T09:00:00+08:00</issued><modified>2026-11-26T01:00:00Z</modified></entry></feed>""";

        var post = Assert.Single(Extract(atom).Posts);

        Assert.Equal(Fixture.China(2026, 11, 26, 9, 0, 0), post.PublishedAt);
        Assert.Equal("https://example.cn/a", post.Link);
    }

    [Fact]
    public void DateOnlyDcDate_CarriesDayPrecision()
    {
        const string rss = """<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>公告</title><link>https://example.cn/1</link><dc:date>2026-11-26</dc:date></item></channel></rss>""";

        var post = Assert.Single(Extract(rss).Posts);

        Assert.Equal(Fixture.China(2026, 11, 26), post.PublishedAt);
        Assert.Equal(DatePrecision.Day, post.Precision);
    }

    [Fact]
    public void EntityDeclaringFeed_StaysRefused_EvenThoughOtherBrokenFeedsAreRecovered()
    {
        const string rss = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"><channel><item><title>&x; & more</title><link>https://example.cn/1</link></item></channel></rss>""";

        var error = Assert.Throws<ExtractionException>(() => Extract(rss));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
    }

    [Fact]
    public void ManyUnclosedItems_AreDroppedInLinearTime()
    {
        var hostile = "<rss version=\"2.0\"><channel><item><title>好</title><link>https://example.cn/1</link></item>&"
            + string.Concat(Enumerable.Repeat("<item/>", 100_000)) + "</channel></rss>";
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = Extract(hostile);

        Assert.Equal("好", Assert.Single(result.Posts).Title);
        Assert.Equal(100_000, result.DroppedCount);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }
}
