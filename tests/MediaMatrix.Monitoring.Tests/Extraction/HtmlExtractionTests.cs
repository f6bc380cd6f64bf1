using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Extraction;

public class HtmlExtractionTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10, 0, 0);

    // The GBK test builds its page with GB18030, which .NET Core only has through the provider.
    static HtmlExtractionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // The usual CMS column list: <li><span>date</span><a href>title</a></li>.
    private static readonly Profile CmsList = new(
        Name: "cms-list",
        Items: "#expertList1 li",
        Title: "a",
        Link: "a@href",
        Published: "span");

    private static ExtractionResult Extract(byte[] body, Profile profile, string? contentType = "text/html", string pageUrl = "http://www.rtfund.com/main/xxpl/index.shtml") =>
        PostExtractor.Extract(Fixture.Request(SourceKind.Html, body, Now, profile, contentType, pageUrl));

    [Fact]
    public void ListPageDeclaringGb2312ButSavedAsUtf8_YieldsFifteenUngarbledPosts()
    {
        // The server's header would say gb2312 too; the bytes still win.
        var result = Extract(Fixture.Bytes("list-pages/disclosure-list_meta-gb2312-but-utf8-bytes.html"), CmsList, "text/html; charset=gb2312");

        Assert.Equal(15, result.Posts.Count);
        Assert.Equal(0, result.UndatedCount);
        var first = result.Posts[0];
        Assert.Equal("融通关于旗下部分开放式基金新增华瑞保险销售有限公司为销售机构并参加其费率优惠活动的公告", first.Title);
        Assert.Equal(Fixture.China(2020, 7, 9), first.PublishedAt);
        Assert.Equal("http://www.rtfund.com/main/a/20200709/12323944.shtml", first.Link);
        Assert.Equal(first.Link, first.Id);
        Assert.Equal(Fixture.China(2020, 7, 6), result.Posts[^1].PublishedAt);
        Assert.All(result.Posts, p => Assert.DoesNotContain('\uFFFD', p.Title));
    }

    [Fact]
    public void SelectorMatchingNothing_IsAnEmptyErrorNamingTheSelector()
    {
        var moved = CmsList with { Items = "ul.news-list > li" };

        var error = Assert.Throws<ExtractionException>(() =>
            Extract(Fixture.Bytes("list-pages/disclosure-list_meta-gb2312-but-utf8-bytes.html"), moved));

        Assert.Equal(FetchErrorClass.Empty, error.ErrorClass);
        Assert.Contains("ul.news-list > li", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_ReadAttributesOfTheItemItselfIdsAndPinnedMarks()
    {
        const string html = """
            <ul>
              <li data-id="a1" title="  置顶：县委全会公报 "><a href="../a/1.html">县委全会公报</a><i class="top">置顶</i><em>2026年11月20日</em></li>
              <li data-id="a2" title="政府常务会议"><a href="javascript:void(0)">政府常务会议</a><em>昨天 16:00</em></li>
              <li title="无日期"><em>不详</em></li>
            </ul>
            """;
        var profile = new Profile("attrs", "li", "@title", "a@href", "em", Id: "@data-id", Pinned: "i.top");

        var result = Extract(Encoding.UTF8.GetBytes(html), profile, pageUrl: "https://gov.example.cn/col/list/index.html");

        Assert.Equal(3, result.Posts.Count);
        Assert.Equal(new Post("a1", "置顶：县委全会公报", "https://gov.example.cn/col/a/1.html", Fixture.China(2026, 11, 20), Pinned: true, Precision: DatePrecision.Day), result.Posts[0]);
        Assert.Equal(new Post("a2", "政府常务会议", null, Fixture.China(2026, 11, 26, 16, 0, 0)), result.Posts[1]);
        Assert.StartsWith("h:", result.Posts[2].Id, StringComparison.Ordinal);
        Assert.Equal(1, result.UndatedCount);
    }

    [Fact]
    public void ProfileDateFormats_AreTriedFirst()
    {
        const string html = """<div class="row"><a href="/1">通知</a><span>27/11/2026</span></div>""";
        var profile = new Profile("formats", "div.row", "a", "a@href", "span", DateFormats: ["dd/MM/yyyy"]);

        var post = Assert.Single(Extract(Encoding.UTF8.GetBytes(html), profile).Posts);

        Assert.Equal(Fixture.China(2026, 11, 27), post.PublishedAt);
    }

    [Fact]
    public void TenThousandNestedElements_AreRefusedWithoutCrashing()
    {
        var hostile = string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<li><a href='/x'>x</a></li>" + string.Concat(Enumerable.Repeat("</div>", 10_000));

        var error = Assert.Throws<ExtractionException>(() => Extract(Encoding.UTF8.GetBytes(hostile), CmsList with { Items = "li" }));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
    }

    [Fact]
    public void DeepButPlausibleNesting_IsStillRead()
    {
        // Table layouts from the 2000s nest a few hundred levels; the guard must let them through.
        const int depth = 400;
        var deep = string.Concat(Enumerable.Repeat("<div>", depth)) + "<li><span>2026-11-26</span><a href='/x'>深处</a></li>" + string.Concat(Enumerable.Repeat("</div>", depth));

        var post = Assert.Single(Extract(Encoding.UTF8.GetBytes(deep), CmsList with { Items = "li" }).Posts);

        Assert.Equal("深处", post.Title);
    }

    [Fact]
    public void DeepNestingHiddenBehindClosedInlineTags_IsStillRefused()
    {
        // "<p></p>" closes nothing that was counted; the divs still nest.
        var hostile = string.Concat(Enumerable.Repeat("<div><p></p>", 10_000));

        var error = Assert.Throws<ExtractionException>(() => Extract(Encoding.UTF8.GetBytes(hostile), CmsList with { Items = "li" }));

        Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
    }

    [Fact]
    public void LongFlatListsAndScripts_AreNotMistakenForDeepNesting()
    {
        var items = string.Concat(Enumerable.Range(1, 5000).Select(i => $"<li><span>2026-11-2{i % 7}</span><a href='/a/{i}.html'>第{i}条</a><br><p>摘要"));
        var script = "<script>for (var i=0;i<10000;i++){ if (a<b) {} }</script>";
        var html = $"<html><body>{script}<ul id='expertList1'>{items}</ul></body></html>";

        var result = Extract(Encoding.UTF8.GetBytes(html), CmsList);

        Assert.Equal(5000, result.Posts.Count);
    }

    [Fact]
    public void Utf16PageWithBom_IsDecoded()
    {
        var html = "<ul id='expertList1'><li><span>2026-11-26</span><a href='/1.html'>关于冬季供暖的通知</a></li></ul>";
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(html)).ToArray();

        var post = Assert.Single(Extract(body, CmsList, contentType: "text/html; charset=gb2312").Posts);

        Assert.Equal("关于冬季供暖的通知", post.Title);
    }

    [Fact]
    public void GbkPageWithoutAnyDeclaration_IsDecodedAsGb18030()
    {
        var html = "<html><head><title>县人民政府</title></head><body><ul id='expertList1'><li><span>2026-11-26</span><a href='/1.html'>关于开展安全生产大检查的通知</a></li></ul></body></html>";
        var body = Encoding.GetEncoding("GB18030").GetBytes(html);

        var post = Assert.Single(Extract(body, CmsList, contentType: "text/html").Posts);

        Assert.Equal("关于开展安全生产大检查的通知", post.Title);
        Assert.Equal(Fixture.China(2026, 11, 26), post.PublishedAt);
    }

    [Fact]
    public void InvalidFieldSelector_SurfacesAsAnExtractionException()
    {
        var broken = CmsList with { Title = "a[" };

        var outcome = Record.Exception(() => Extract(Fixture.Bytes("list-pages/disclosure-list_meta-gb2312-but-utf8-bytes.html"), broken));

        Assert.IsType<ExtractionException>(outcome);
    }

    [Fact]
    public void HtmlSourceWithoutProfile_IsAConfigurationError()
    {
        var error = Assert.Throws<ExtractionException>(() =>
            PostExtractor.Extract(Fixture.Request(SourceKind.Html, Encoding.UTF8.GetBytes("<ul><li>x</li></ul>"), Now)));

        Assert.Equal(FetchErrorClass.Other, error.ErrorClass);
    }
}
