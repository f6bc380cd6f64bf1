using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

/// <summary>The substring check that spares most posts a URI parse must never rule out a link to the head post.</summary>
public class TaskLinkTests
{
    private static readonly string[] PathPieces = ["art", "2026", "ART", "a_1.html", "s", "x-y~z", ".", "..", "", "!$'()*+,;=:@", "index.shtml"];
    private static readonly string[] QueryPieces =
        ["id=7", "sn=ab", "__biz=MzA==", "mid=22", "utm_source=wx", "from=timeline", "scene=21", "a", "=", "k=v+w", "chksm=ff", "x=1,2"];

    [Fact]
    public void MightMatch_NeverRulesOutALinkThatNormalisesToTheTasks()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var link = RandomLink(random);
            if (PostLink.Normalise(link) is not { } normalised)
                continue;

            Assert.True(new TaskLink(normalised).MightMatch(link), $"{link} → {normalised}");
        }
    }

    [Theory]
    [InlineData(Winter.Link, "http://www.dinghai.example.gov.cn/art/2026/12/1/art_124.html")]
    [InlineData(Winter.Link, "https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=ab")]
    [InlineData("https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=ab", "https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=cd")]
    public void MightMatch_RulesOutLinksToOtherPosts_WithoutParsingThem(string taskLink, string postLink)
    {
        Assert.False(new TaskLink(PostLink.Normalise(taskLink)!).MightMatch(postLink));
    }

    [Theory]
    [InlineData("http://www.dinghai.example.gov.cn/文章/1.html")]
    [InlineData("http://www.dinghai.example.gov.cn/art/2026/12/1/art%5F123.html")]
    [InlineData(" http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html")]
    public void MightMatch_LinksUriWouldRewrite_AreAlwaysParsed(string postLink)
    {
        Assert.True(new TaskLink(PostLink.Normalise("http://other.example/b/c.html?q=1")!).MightMatch(postLink));
    }

    [Theory]
    [InlineData("www.dinghai.example.gov.cn/art/2026/12/1/art_123.html", new[] { "art_123.html" })]
    [InlineData("mp.weixin.qq.com/s?__biz=MzA&mid=22&sn=ab", new[] { "s", "__biz=MzA", "mid=22", "sn=ab" })]
    [InlineData("www.dinghai.example.gov.cn", new string[0])]
    public void PiecesOf_LastSegmentAndQueryParameters(string normalised, string[] expected)
    {
        Assert.Equal(expected, TaskLink.PiecesOf(normalised));
    }

    private static string RandomLink(Random random)
    {
        string Pick(string[] from) => from[random.Next(from.Length)];
        var scheme = Pick(["http://", "https://", "HTTP://", "Https://"]);
        var host = Pick(["www.dinghai.example.gov.cn", "WWW.Dinghai.Example.GOV.cn", "mp.weixin.qq.com", "user@host.example", "10.0.0.1", "[::1]"]);
        var port = Pick(["", "", ":80", ":443", ":8080", ":0080"]);
        var path = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => "/" + Pick(PathPieces))) + Pick(["", "", "/"]);
        var query = random.Next(2) == 0 ? "" : "?" + string.Join('&', Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick(QueryPieces)));
        var fragment = Pick(["", "", "#rd", "#/a?b=c"]);
        return scheme + host + port + path + query + fragment;
    }
}
