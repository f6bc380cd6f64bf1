using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Matrix;

public class MatrixConfigLoaderTests
{
    [Fact]
    public void Load_ValidConfig_ReadsEveryField()
    {
        const string yaml = """
            matrix:
              name: 定海区政务新媒体矩阵
              timezone: Asia/Shanghai
              allowPrivateNetworks: true
            accounts:
              - id: dinghaishan
                name: 定海山
                platform: app
                tier: head
                department: 区融媒体中心
                source: { kind: feed, url: "http://127.0.0.1:5080/dinghaishan/rss.xml" }
                pollInterval: 30m
              - id: dh-hrss
                name: 定海人社
                platform: website
                tier: member
                department: 区人力社保局
                source: { kind: html, url: "https://www.dinghai.example.gov.cn/col/col1229/index.html", profile: gov-list }
                pollInterval: "01:30:00"
              - id: dh-weibo
                name: 定海发布
                platform: weibo
                tier: member
                department: 区委宣传部
                source:
                  kind: json
                  url: http://rsshub.example.gov.cn/weibo/user/2803301701
                  profile: weibo-json
            profiles:
              gov-list: { items: "ul.news li", title: "a", link: "a@href", published: "span.date" }
              weibo-json:
                items: data.cards
                title: mblog.text
                link: scheme
                published: mblog.created_at
                id: mblog.id
                dateFormats: ["ddd MMM dd HH:mm:ss zzz yyyy", "yyyy年M月d日"]
                pinned: mblog.isTop
            """;

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var config = result.Config;
        Assert.Equal("定海区政务新媒体矩阵", config.Matrix.Name);
        Assert.Equal(TimeSpan.FromHours(8), config.Matrix.TimeZone.BaseUtcOffset);
        Assert.True(config.Matrix.AllowPrivateNetworks);
        Assert.Equal(
            [
                new Account("dinghaishan", "定海山", Platform.App, Tier.Head, "区融媒体中心",
                    new Source(SourceKind.Feed, new Uri("http://127.0.0.1:5080/dinghaishan/rss.xml")), TimeSpan.FromMinutes(30)),
                new Account("dh-hrss", "定海人社", Platform.Website, Tier.Member, "区人力社保局",
                    new Source(SourceKind.Html, new Uri("https://www.dinghai.example.gov.cn/col/col1229/index.html"), "gov-list"), TimeSpan.FromMinutes(90)),
                new Account("dh-weibo", "定海发布", Platform.Weibo, Tier.Member, "区委宣传部",
                    new Source(SourceKind.Json, new Uri("http://rsshub.example.gov.cn/weibo/user/2803301701"), "weibo-json")),
            ],
            config.Accounts);
        Assert.Equal("dinghaishan", config.Head.Id);

        Assert.Equal(new Profile("gov-list", "ul.news li", "a", "a@href", "span.date"), config.Profiles["gov-list"]);
        var weibo = config.Profiles["weibo-json"];
        Assert.Equal(("data.cards", "mblog.text", "scheme", "mblog.created_at"), (weibo.Items, weibo.Title, weibo.Link, weibo.Published));
        Assert.Equal("mblog.id", weibo.Id);
        Assert.Equal(["ddd MMM dd HH:mm:ss zzz yyyy", "yyyy年M月d日"], weibo.DateFormats!);
        Assert.Equal("mblog.isTop", weibo.Pinned);
    }

    [Fact]
    public void Load_OptionalKeysLeftOut_TakesDocumentedDefaults()
    {
        var yaml = MatrixYaml.WithLines((3, "  # timezone left out"), (4, "  # allowPrivateNetworks left out"), (12, "    # pollInterval left out"));

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), result.Config.Matrix.TimeZone);
        Assert.False(result.Config.Matrix.AllowPrivateNetworks);
        // No interval of its own: the poll settings decide (1 h head, 4 h members unless Polling:* says otherwise).
        Assert.Null(result.Config.Accounts[0].PollInterval);
        Assert.Null(result.Config.Accounts[1].PollInterval);
        var defaults = new PollSchedule(new PollOptions());
        Assert.Equal(TimeSpan.FromHours(1), defaults.IntervalOf(result.Config.Accounts[0]));
        Assert.Equal(TimeSpan.FromHours(4), defaults.IntervalOf(result.Config.Accounts[1]));
        var settings = new PollSchedule(new PollOptions { HeadInterval = TimeSpan.FromMinutes(20), MemberInterval = TimeSpan.FromHours(2) });
        Assert.Equal(TimeSpan.FromMinutes(20), settings.IntervalOf(result.Config.Accounts[0]));
        Assert.Equal(TimeSpan.FromHours(2), settings.IntervalOf(result.Config.Accounts[1]));
    }

    [Fact]
    public void Load_ReservedKeysOfLaterFeatures_AreAcceptedAndIgnored()
    {
        var yaml = MatrixYaml.WithLines(
            (4, "  digestTo: [xcb@dinghai.example.gov.cn]"),
            (12, "    contacts: [{ name: 张三, phone: '0580-0000000' }]"))
            + """

            users: [{ name: admin }]
            """;

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Fact]
    public void Load_DigestRecipients_AreReadFromDigestToAndContactAddresses()
    {
        var yaml = MatrixYaml.WithLines(
            (4, "  digestTo: [xcb@dinghai.example.gov.cn, ban@dinghai.example.gov.cn]"),
            (12, "    contacts: [wang@dinghai.example.gov.cn, { name: 张三, email: zhang@dinghai.example.gov.cn, phone: '0580-0000000' }, { name: 李四 }]"));

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(["xcb@dinghai.example.gov.cn", "ban@dinghai.example.gov.cn"], result.Config.Matrix.DigestTo);
        Assert.Equal(["wang@dinghai.example.gov.cn", "zhang@dinghai.example.gov.cn"], result.Config.Accounts[0].Contacts);
        Assert.Empty(result.Config.Accounts[1].Contacts);
    }

    [Fact]
    public void Load_UpcomingProfileKeys_AreAccepted()
    {
        var yaml = MatrixYaml.WithLine(20, """  gov-list: { items: "ul.news li", title: "a", link: "a@href", published: "span.date", successPath: code, successValue: "0" }""");

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Fact]
    public void Load_ExampleConfig_IsValid()
    {
        var result = MatrixConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Matrix", "matrix.example.yaml"));

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal("dinghaishan", result.Config.Head.Id);
        Assert.Equal(7, result.Config.Accounts.Count);
        Assert.Contains(result.Config.Accounts, a => a.Platform == Platform.Wechat);
        Assert.Contains(result.Config.Accounts, a => a.Platform == Platform.Weibo);
        Assert.Contains(result.Config.Accounts, a => a.Platform == Platform.Douyin);
        Assert.Contains(result.Config.Accounts, a => a.Platform == Platform.Website);
    }

    [Fact]
    public void Load_MissingFile_ReportsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mediamatrix-{Guid.NewGuid():N}", "matrix.yaml");

        var result = MatrixConfigLoader.Load(path);

        var error = Assert.Single(result.Errors);
        Assert.False(result.IsValid);
        Assert.Equal(path, error.File);
        Assert.Equal($"{path}: config file not found (looked for {path})", error.ToString());
    }

    [Fact]
    public void Validate_FiveMistakes_ReportsFiveErrorsWithLines()
    {
        var yaml = MatrixYaml.WithLines(
            (3, "  timezone: Asia/Dinghai"),
            (8, "    platform: wexin"),
            (12, "    pollInterval: 1hour"),
            (13, "  - id: dinghaishan"),
            (18, """    source: { kind: html, url: "http://www.dinghai.example.gov.cn/list.html", profile: gov-lst }"""));

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.Equal(
            [
                "matrix.yaml:3:13: matrix.timezone: unknown time zone 'Asia/Dinghai' (use an IANA name such as Asia/Shanghai)",
                "matrix.yaml:8:15: accounts[0].platform: unknown platform 'wexin' (expected one of: wechat, weibo, douyin, toutiao, kuaishou, bilibili, app, website, other)",
                "matrix.yaml:12:19: accounts[0].pollInterval: '1hour' is not a duration; write e.g. 30m, 1h, 4h, 1d, 90s or 01:00:00",
                "matrix.yaml:13:9: accounts[1].id: duplicate account id 'dinghaishan' (first used on line 6)",
                "matrix.yaml:18:88: accounts[1].source.profile: unknown profile 'gov-lst'",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_FileWithWindowsLineEndings_ReportsTheSameLines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mediamatrix-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, MatrixYaml.WithLine(8, "    platform: wexin").Replace("\n", "\r\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var error = Assert.Single(MatrixConfigLoader.Load(path).Errors);

            Assert.Equal((path, 8, 15, "accounts[0].platform"), (error.File, error.Line, error.Column, error.Field));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ConfigError_ToString_IsFileLineColumnFieldMessage()
    {
        var error = new ConfigError("matrix.yaml", 12, 7, "accounts[3].source.profile", "unknown profile 'gov-lst'");

        Assert.Equal("matrix.yaml:12:7: accounts[3].source.profile: unknown profile 'gov-lst'", error.ToString());
    }
}
