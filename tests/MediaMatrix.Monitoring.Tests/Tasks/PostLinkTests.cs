using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

public class PostLinkTests
{
    [Theory]
    [InlineData("exact", Winter.Link)]
    [InlineData("https instead of http", "https://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html")]
    [InlineData("host in capitals", "http://WWW.Dinghai.Example.GOV.cn/art/2026/12/1/art_123.html")]
    [InlineData("scheme in capitals", "HTTP://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html")]
    [InlineData("utm tracking", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html?utm_source=wechat&utm_medium=share")]
    [InlineData("spm, from, share_token", "https://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html?spm=a1.b2&from=timeline&share_token=x9")]
    [InlineData("fragment", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html#top")]
    [InlineData("trailing slash", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html/")]
    [InlineData("default port written out", "http://www.dinghai.example.gov.cn:80/art/2026/12/1/art_123.html")]
    [InlineData("surrounding spaces", "  http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html ")]
    public void Normalise_SamePostWrittenDifferently_IsEqual(string name, string link)
    {
        Assert.True(PostLink.Normalise(Winter.Link) == PostLink.Normalise(link), $"{name}: {PostLink.Normalise(link)}");
    }

    [Theory]
    [InlineData("another article", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_124.html")]
    [InlineData("another host", "http://www.zhoushan.example.gov.cn/art/2026/12/1/art_123.html")]
    [InlineData("path case matters", "http://www.dinghai.example.gov.cn/ART/2026/12/1/art_123.html")]
    [InlineData("identifying query kept", "http://www.dinghai.example.gov.cn/art/2026/12/1/art_123.html?id=7")]
    public void Normalise_DifferentPosts_AreNotEqual(string name, string link)
    {
        Assert.True(PostLink.Normalise(Winter.Link) != PostLink.Normalise(link), name);
    }

    [Fact]
    public void Normalise_QueryOrder_DoesNotMatter() =>
        Assert.Equal(
            PostLink.Normalise("https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=ab&chksm=ff&scene=21"),
            PostLink.Normalise("https://mp.weixin.qq.com/s?sn=ab&idx=1&mid=22&__biz=MzA"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/art/2026/12/1/art_123.html")]
    [InlineData("ftp://www.dinghai.example.gov.cn/a.html")]
    public void Normalise_NotAnHttpUrl_IsNull(string? link) => Assert.Null(PostLink.Normalise(link));
}
