using System.Text;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>Replace filters, metrics, next-page links and the empty/blocked markers of a profile.</summary>
public sealed class ProfileFeatureTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10);

    private const string Page = """
        <html><body><ul class="list">
          <li><a href="/art/1.html">【置顶】 区政府召开常务会议</a><span>发布于 2026-11-20</span><em>阅读 1.2万</em></li>
          <li><a href="/art/2.html">防汛通知</a><span>发布于 2026-11-21</span><em>阅读 10万+</em></li>
        </ul><a class="next" href="index_1.html">下一页</a></body></html>
        """;

    private static ExtractionResult Extract(string body, Profile profile, SourceKind kind = SourceKind.Html) =>
        PostExtractor.Extract(Fixture.Request(kind, Encoding.UTF8.GetBytes(body), Now, profile, "text/html; charset=utf-8"));

    [Fact]
    public void Replace_FiltersFieldTextBeforeItIsRead()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", Replace: ["title: ^【置顶】\\s* => ", "published: ^发布于 => "]);

        var posts = Extract(Page, profile).Posts;

        Assert.Equal("区政府召开常务会议", posts[0].Title);
        Assert.Equal(Fixture.China(2026, 11, 20), posts[0].PublishedAt);
    }

    [Fact]
    public void Metrics_ReadChineseUnits()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", Reads: "em");

        var posts = Extract(Page, profile).Posts;

        Assert.Equal(12_000, posts[0].Metrics?.Reads);
        Assert.Equal(100_000, posts[1].Metrics?.Reads);
    }

    [Fact]
    public void Metrics_FromJsonPaths()
    {
        var profile = new Profile("p", "data.list", "title", "url", "ts", Reads: "stat.view", Likes: "stat.like", Comments: "stat.reply", Followers: "owner.fans");
        const string Json = """{"data":{"list":[{"title":"t","url":"/1","ts":1764000000,"stat":{"view":321,"like":"4.5万","reply":0},"owner":{"fans":1000}}]}}""";

        var post = Assert.Single(Extract(Json, profile, SourceKind.Json).Posts);

        Assert.Equal(new PostMetrics(321, 45_000, 0, 1000), post.Metrics);
    }

    [Fact]
    public void NextPage_IsResolvedAgainstThePage()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", NextPage: "a.next@href", MaxPages: 3);

        var result = Extract(Page, profile);

        Assert.Equal(new Uri("https://example.gov.cn/list/index_1.html"), result.NextPage);
    }

    [Fact]
    public void EmptyMarker_MakesNoItemsASuccess()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", EmptyMarker: "暂无内容");

        var result = Extract("<html><body><div>暂无内容</div></body></html>", profile);

        Assert.True(result.EmptyByMarker);
        Assert.Empty(result.Posts);
    }

    [Fact]
    public void NoItemsWithoutTheMarker_IsEmpty()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", EmptyMarker: "暂无内容");

        var ex = Assert.Throws<ExtractionException>(() => Extract("<html><body><div class=\"new-list\"></div></body></html>", profile));

        Assert.Equal(FetchErrorClass.Empty, ex.ErrorClass);
    }

    [Fact]
    public void BlockedMarker_WinsOverParsedItems()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", BlockedMarker: "请登录");

        var ex = Assert.Throws<ExtractionException>(() => Extract(Page.Replace("下一页", "请登录", StringComparison.Ordinal), profile));

        Assert.Equal(FetchErrorClass.Blocked, ex.ErrorClass);
    }

    [Fact]
    public void ChallengePageWithoutItems_IsBlockedNotEmpty()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span");

        var ex = Assert.Throws<ExtractionException>(() => Extract("<html><head><title>安全验证</title></head><body>请完成验证后继续访问</body></html>", profile));

        Assert.Equal(FetchErrorClass.Blocked, ex.ErrorClass);
    }

    [Fact]
    public void BadReplaceEntry_IsAProfileProblem()
    {
        var profile = new Profile("p", "ul.list li", "a", "a@href", "span", Replace: ["nonsense"]);

        var ex = Assert.Throws<ExtractionException>(() => Extract(Page, profile));

        Assert.Equal(FetchErrorClass.Other, ex.ErrorClass);
    }
}
