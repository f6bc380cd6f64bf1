using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Matrix;

/// <summary>The collection keys of the config: new profile fields and per-source headers.</summary>
public sealed class CollectionConfigTests
{
    private const string Yaml = """
        matrix: { name: 矩阵 }
        accounts:
          - id: weibo
            name: 定海发布
            platform: weibo
            tier: head
            department: 区委宣传部
            source:
              kind: feed
              url: "http://rsshub.example.gov.cn/weibo/user/2803301701"
              headers: { Cookie: "${WEIBO_COOKIE}", Referer: "https://weibo.com/" }
          - id: site
            name: 定海人社
            platform: website
            tier: member
            department: 区人力社保局
            source: { kind: html, url: "http://www.example.gov.cn/col/col1/index.html", profile: trs }
        profiles:
          trs:
            items: "ul.list li"
            title: "a@title"
            link: "a@href"
            published: "span"
            replace: ["published: [\\[\\]] => "]
            nextPage: "a.next@href"
            maxPages: 5
            emptyMarker: 暂无内容
            blockedMarker: 请输入验证码
            reads: "em.views"
        """;

    [Fact]
    public void NewProfileKeysAndSourceHeaders_AreRead()
    {
        var result = MatrixConfigLoader.LoadFromText(Yaml, "matrix.yaml");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var profile = result.Config!.Profiles["trs"];
        Assert.Equal(5, profile.MaxPages);
        Assert.Equal("a.next@href", profile.NextPage);
        Assert.Equal(["published: [\\[\\]] => "], profile.Replace);
        Assert.Equal("暂无内容", profile.EmptyMarker);
        Assert.Equal("请输入验证码", profile.BlockedMarker);
        Assert.Equal("em.views", profile.Reads);
        var headers = result.Config.Accounts[0].Source.Headers!;
        Assert.Equal("${WEIBO_COOKIE}", headers["Cookie"]); // kept as written: expanded per request, never stored expanded
    }

    [Theory]
    [InlineData("headers: { Host: evil.example }", "is set by the fetcher")]
    [InlineData("headers: { \"Bad Name\": x }", "is not a valid header name")]
    public void BadHeaders_AreErrors(string headers, string message)
    {
        var yaml = Yaml.Replace("headers: { Cookie: \"${WEIBO_COOKIE}\", Referer: \"https://weibo.com/\" }", headers, StringComparison.Ordinal);

        var result = MatrixConfigLoader.LoadFromText(yaml, "matrix.yaml");

        Assert.Contains(result.Errors, e => e.Field.StartsWith("accounts[0].source.headers", StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("replace: [\"nonsense\"]", "is not \"field: regex => replacement\"")]
    [InlineData("replace: [\"title: ([ => x\"]", "is not a valid regex")]
    public void BadReplaceFilter_IsAConfigError(string replace, string message)
    {
        var yaml = Yaml.Replace("replace: [\"published: [\\\\[\\\\]] => \"]", replace, StringComparison.Ordinal);

        var result = MatrixConfigLoader.LoadFromText(yaml, "matrix.yaml");

        Assert.Contains(result.Errors, e => e.Field == "profiles.trs.replace" && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
