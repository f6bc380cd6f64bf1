using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>The profiles shipped in config/profiles load as config and read the markup they say they were written against.</summary>
public sealed class ShippedProfileTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10);

    private static Profile Load(string file, string name)
    {
        var profiles = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Profiles", file));
        var yaml = """
            matrix: { name: 测试 }
            accounts:
              - { id: head, name: 主账号, platform: app, tier: head, department: 部门, source: { kind: feed, url: "http://rsshub.example.gov.cn/x" } }

            """ + profiles;
        var result = MatrixConfigLoader.LoadFromText(yaml, file);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config!.Profiles[name];
    }

    [Theory]
    [InlineData("trs-wcm-list.yaml", "trs-wcm-list", "cms/trs-wcm_column-list.html", "http://www.dinghai.gov.cn/zwgk/tzgg/index.html", 3, "http://www.dinghai.gov.cn/zwgk/tzgg/202611/t20261120_4012345.html")]
    [InlineData("hanweb-jcms-list.yaml", "hanweb-jcms-list", "cms/hanweb-jcms_column-list.html", "http://www.dinghai.gov.cn/col/col1229291235/index.html", 2, "http://www.dinghai.gov.cn/art/2026/11/20/art_1229291235_58912345.html")]
    [InlineData("generic-list.yaml", "generic-list", "cms/generic_ul-li-list.html", "http://jyj.dinghai.gov.cn/news/index.html", 3, "http://jyj.dinghai.gov.cn/news/2026/1120/1.html")]
    public void ShippedProfile_ReadsItsMarkup(string file, string name, string fixture, string pageUrl, int dated, string firstLink)
    {
        var profile = Load(file, name);

        var result = PostExtractor.Extract(Fixture.Request(SourceKind.Html, Fixture.Bytes(fixture), Now, profile, "text/html", pageUrl));

        var posts = result.Posts.Where(p => p.PublishedAt is not null).ToList();
        Assert.Equal(dated, posts.Count);
        Assert.Equal(firstLink, posts[0].Link);
        Assert.Equal(Fixture.China(2026, 11, 20), posts[0].PublishedAt);
        Assert.All(posts, p => Assert.False(string.IsNullOrWhiteSpace(p.Title)));
    }
}
