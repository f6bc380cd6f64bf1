using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>Post text (issue 13, point 1): bounded, NFKC-normalised, HTML stripped, from every source kind.</summary>
public class PostTextTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10, 0, 0);

    public static TheoryData<string, string?, string?> Excerpts => new()
    {
        { "plain text stays", "县政府召开常务会议", "县政府召开常务会议" },
        { "tags stripped, inline tags join", "<p>县长<b>调研</b>冬季防火</p><p>第二段</p>", "县长调研冬季防火 第二段" },
        { "script and style dropped with their text", "<p>正文</p><script>var leak='13800138000'</script><style>p{}</style>", "正文" },
        { "comments dropped", "正文<!-- 13800138000 -->结束", "正文结束" },
        { "entities decoded", "A&amp;B &lt;通知&gt;", "A&B <通知>" },
        { "full-width letters and digits become half-width", "电话１３８００１３８０００，ＡＢＣ", "电话13800138000,ABC" },
        { "zero-width and bidi characters removed", "身份\u200B证\u202E号", "身份证号" },
        { "whitespace runs become one space", "  第一行\n\n\t第二行  ", "第一行 第二行" },
        { "blank is none", "  \n ", null },
        { "null is none", null, null },
        { "markup with no text is none", "<p><img src=x></p>", null },
    };

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void Excerpt_CleansTheText(string name, string? raw, string? expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, PostText.Excerpt(raw));
    }

    [Fact]
    public void Excerpt_IsCutAtTheLimitOnATextElementBoundary()
    {
        var raw = string.Concat(Enumerable.Repeat("政务😀", 2_000));

        var text = PostText.Excerpt(raw, 7)!;

        // "政务😀" is four UTF-16 units; the emoji at units 6–7 would cross the limit of 7, so it is left out whole.
        Assert.Equal("政务😀政务", text);
        Assert.Equal(4_000, PostText.Excerpt(new string('字', 10_000))!.Length);
        Assert.Null(PostText.Excerpt("正文", 0));
    }

    [Fact]
    public void FeedItems_KeepTheirDescriptionOrContentAsText()
    {
        const string feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>县政府</title>
            <item><title>一</title><link>https://gov.example.cn/1.html</link><pubDate>Thu, 26 Nov 2026 08:00:00 +0800</pubDate>
              <description><![CDATA[<p>摘要<b>一</b></p>]]></description></item>
            <item><title>二</title><link>https://gov.example.cn/2.html</link><pubDate>Thu, 26 Nov 2026 09:00:00 +0800</pubDate>
              <description>摘要二</description><content:encoded><![CDATA[<div>全文二</div>]]></content:encoded></item>
            <item><title>三</title><link>https://gov.example.cn/3.html</link><pubDate>Thu, 26 Nov 2026 10:00:00 +0800</pubDate></item>
            </channel></rss>
            """;

        var posts = PostExtractor.Extract(Fixture.Request(SourceKind.Feed, Encoding.UTF8.GetBytes(feed), Now)).Posts.ToDictionary(p => p.Title);

        Assert.Equal("摘要一", posts["一"].Text);
        Assert.Equal("全文二", posts["二"].Text);
        Assert.Null(posts["三"].Text);
    }

    [Fact]
    public void AtomAndJsonFeeds_KeepTheirContent()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>1</id><title>一</title><link href="https://gov.example.cn/1"/><updated>2026-11-26T08:00:00+08:00</updated>
              <summary>短</summary><content type="html">&lt;p&gt;长正文&lt;/p&gt;</content></entry></feed>
            """;
        const string json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
              {"id":"1","title":"一","url":"https://gov.example.cn/1","date_published":"2026-11-26T08:00:00+08:00","content_html":"<p>网页正文</p>"}]}
            """;

        Assert.Equal("长正文", PostExtractor.Extract(Fixture.Request(SourceKind.Feed, Encoding.UTF8.GetBytes(atom), Now)).Posts[0].Text);
        Assert.Equal("网页正文", PostExtractor.Extract(Fixture.Request(SourceKind.Feed, Encoding.UTF8.GetBytes(json), Now)).Posts[0].Text);
    }

    [Fact]
    public void JsonAndHtmlProfiles_ReadTheirTextField()
    {
        const string json = """{"data":[{"t":"一","u":"https://gov.example.cn/1","d":"2026-11-26 08:00","body":"<p>微博正文１</p>"}]}""";
        var jsonProfile = new Profile("j", "data", "t", "u", "d", Text: "body");
        const string html = """<ul><li><a href="/1.html">一</a><span>2026-11-26</span><p class="sum">列表摘要</p></li></ul>""";
        var htmlProfile = new Profile("h", "ul li", "a", "a@href", "span", Text: "p.sum");

        Assert.Equal("微博正文1", PostExtractor.Extract(Fixture.Request(SourceKind.Json, Encoding.UTF8.GetBytes(json), Now, jsonProfile)).Posts[0].Text);
        Assert.Equal("列表摘要", PostExtractor.Extract(Fixture.Request(SourceKind.Html, Encoding.UTF8.GetBytes(html), Now, htmlProfile)).Posts[0].Text);
    }

    [Fact]
    public void TextLengthZero_KeepsNoText()
    {
        const string feed = """<rss version="2.0"><channel><item><title>一</title><link>https://gov.example.cn/1</link><description>正文</description></item></channel></rss>""";
        var request = Fixture.Request(SourceKind.Feed, Encoding.UTF8.GetBytes(feed), Now) with { TextLength = 0 };

        Assert.Null(PostExtractor.Extract(request).Posts[0].Text);
    }

    [Fact]
    public void ArticleText_ReadsTheBodyWithoutScripts_AndAMissingBodyIsAnExtractionError()
    {
        var page = Encoding.UTF8.GetBytes("<html><body><div id=c><p>正文<script>x()</script>内容</p></div><div id=c>第二块</div></body></html>");

        Assert.Equal("正文内容 第二块", ArticleText.Read(page, "text/html; charset=utf-8", "#c", 100));
        var error = Assert.Throws<ExtractionException>(() => ArticleText.Read(page, "text/html", "div.article", 100));
        Assert.Contains("div.article", error.Message, StringComparison.Ordinal);
    }
}
