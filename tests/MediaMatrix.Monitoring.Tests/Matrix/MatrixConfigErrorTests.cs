using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Matrix;

/// <summary>
/// One mistake, one error: each row edits one line of <see cref="MatrixYaml.Valid"/> and expects
/// exactly one error, naming the field and the line an operator has to go to.
/// </summary>
public class MatrixConfigErrorTests
{
    [Theory]
    // YAML itself
    [InlineData("syntax error", 7, "    name: 定海山: 定海", "", 7, "YAML syntax error")]
    [InlineData("duplicate key", 12, "    name: 定海山二", "accounts[0].name", 12, "duplicate key 'name'")]
    // missing and wrongly typed values
    [InlineData("missing name", 14, "    # name removed", "accounts[1].name", 13, "required key is missing")]
    [InlineData("empty name", 14, "    name:", "accounts[1].name", 14, "a value is required")]
    [InlineData("missing source", 18, "    # source removed", "accounts[1].source", 13, "required key is missing")]
    [InlineData("list for text", 14, "    name: [定海, 人社]", "accounts[1].name", 14, "expected a text value, found a list")]
    [InlineData("text for mapping", 11, "    source: http://rsshub.example.gov.cn/rss.xml", "accounts[0].source", 11, "expected a mapping")]
    [InlineData("not a boolean", 4, "  allowPrivateNetworks: maybe", "matrix.allowPrivateNetworks", 4, "expected true or false, found 'maybe'")]
    [InlineData("missing matrix name", 2, "  # name removed", "matrix.name", 3, "required key is missing")]
    // account ids
    [InlineData("duplicate id", 13, "  - id: dinghaishan", "accounts[1].id", 13, "duplicate account id 'dinghaishan' (first used on line 6)")]
    [InlineData("id with capitals", 13, "  - id: DH-hrss", "accounts[1].id", 13, "'DH-hrss' is not a valid id")]
    [InlineData("id with underscore", 13, "  - id: dh_hrss", "accounts[1].id", 13, "is not a valid id")]
    [InlineData("id too long", 13, "  - id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "accounts[1].id", 13, "use 1-64 characters")]
    // the one head
    [InlineData("no head", 9, "    tier: member", "accounts", 6, "no account has tier: head")]
    [InlineData("two heads", 16, "    tier: head", "accounts[1].tier", 16, "a second head; 'dinghaishan' (line 9) is already the head")]
    // fixed vocabularies
    [InlineData("unknown platform", 15, "    platform: gov-site", "accounts[1].platform", 15, "unknown platform 'gov-site' (expected one of: wechat,")]
    [InlineData("platform in capitals", 8, "    platform: WeChat", "accounts[0].platform", 8, "unknown platform 'WeChat'")]
    [InlineData("unknown tier", 16, "    tier: leader", "accounts[1].tier", 16, "unknown tier 'leader' (expected one of: head, member)")]
    [InlineData("unknown kind", 11, """    source: { kind: rss, url: "http://rsshub.example.gov.cn/rss.xml" }""", "accounts[0].source.kind", 11, "unknown source kind 'rss' (expected one of: feed, html, json)")]
    // profiles
    [InlineData("unknown profile", 18, """    source: { kind: html, url: "http://www.dinghai.example.gov.cn/list.html", profile: gov-lst }""", "accounts[1].source.profile", 18, "unknown profile 'gov-lst'")]
    [InlineData("html without profile", 18, """    source: { kind: html, url: "http://www.dinghai.example.gov.cn/list.html" }""", "accounts[1].source.profile", 18, "kind: html needs a profile")]
    [InlineData("json without profile", 18, """    source: { kind: json, url: "http://www.dinghai.example.gov.cn/api" }""", "accounts[1].source.profile", 18, "kind: json needs a profile")]
    [InlineData("feed with unknown profile", 11, """    source: { kind: feed, url: "http://rsshub.example.gov.cn/rss.xml", profile: nope }""", "accounts[0].source.profile", 11, "unknown profile 'nope'")]
    [InlineData("profile without published", 20, """  gov-list: { items: "ul.news li", title: "a", link: "a@href" }""", "profiles.gov-list.published", 20, "required key is missing")]
    [InlineData("profile without items", 20, """  gov-list: { title: "a", link: "a@href", published: "span.date" }""", "profiles.gov-list.items", 20, "required key is missing")]
    [InlineData("profile dateFormats not a list", 20, """  gov-list: { items: "li", title: "a", link: "a@href", published: "span", dateFormats: yyyy-MM-dd }""", "profiles.gov-list.dateFormats", 20, "expected a list of text values")]
    [InlineData("profile unknown key", 20, """  gov-list: { items: "li", title: "a", link: "a@href", published: "span", tittle: "h3" }""", "profiles.gov-list.tittle", 20, "unknown key 'tittle'")]
    // time
    [InlineData("unknown timezone", 3, "  timezone: Asia/Dinghai", "matrix.timezone", 3, "unknown time zone 'Asia/Dinghai'")]
    [InlineData("bad duration", 12, "    pollInterval: 1hour", "accounts[0].pollInterval", 12, "'1hour' is not a duration")]
    [InlineData("bare number duration", 12, "    pollInterval: 60", "accounts[0].pollInterval", 12, "'60' is not a duration")]
    [InlineData("zero duration", 12, "    pollInterval: 0m", "accounts[0].pollInterval", 12, "must be longer than zero")]
    // unknown keys
    [InlineData("unknown account key", 12, "    pollIntervall: 1h", "accounts[0].pollIntervall", 12, "unknown key 'pollIntervall'")]
    [InlineData("unknown matrix key", 4, "  allowPrivateNetwork: false", "matrix.allowPrivateNetwork", 4, "unknown key 'allowPrivateNetwork'")]
    [InlineData("unknown source key", 11, """    source: { kind: feed, url: "http://rsshub.example.gov.cn/rss.xml", proxy: x }""", "accounts[0].source.proxy", 11, "unknown key 'proxy'")]
    [InlineData("misspelt required key", 17, "    departmnet: 区人力社保局", "accounts[1].departmnet", 17, "unknown key 'departmnet'; did you mean 'department'?")]
    [InlineData("misspelt profile key", 20, """  gov-list: { items: "li", title: "a", link: "a@href", publised: "span" }""", "profiles.gov-list.publised", 20, "did you mean 'published'?")]
    public void Load_OneMistake_ReportsOneErrorWithFieldAndLine(string mistake, int line, string replacement, string field, int expectedLine, string message)
    {
        var yaml = MatrixYaml.WithLine(line, replacement);

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.Errors.Count == 1, $"{mistake}: {string.Join(" | ", result.Errors)}");
        var error = Assert.Single(result.Errors);
        Assert.False(result.IsValid);
        Assert.Equal(MatrixYaml.FileName, error.File);
        Assert.Equal(field, error.Field);
        Assert.Equal(expectedLine, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "scheme 'file' is not allowed")]
    [InlineData("FILE:///etc/passwd", "scheme 'file' is not allowed")]
    [InlineData("ftp://ftp.dinghai.example.gov.cn/news.xml", "scheme 'ftp' is not allowed")]
    [InlineData("gopher://rsshub.example.gov.cn:70/_GET", "scheme 'gopher' is not allowed")]
    [InlineData("data:text/html,<rss/>", "scheme 'data' is not allowed")]
    [InlineData("javascript:alert(1)", "scheme 'javascript' is not allowed")]
    [InlineData("JavaScript:alert(1)", "scheme 'javascript' is not allowed")]
    [InlineData(" http://rsshub.example.gov.cn/rss.xml", "leading or trailing spaces")]
    [InlineData("/weibo/user/2803301701", "is not an absolute http or https URL")]
    [InlineData("rsshub.example.gov.cn/weibo/user/2803301701", "is not an absolute http or https URL")]
    [InlineData("http://127.0.0.1:1200/weibo/user/1", "127.0.0.1 is a private address; set matrix.allowPrivateNetworks: true to allow it")]
    [InlineData("http://localhost:1200/rss.xml", "localhost is a private address")]
    [InlineData("http://10.20.30.40/rss.xml", "10.20.30.40 is a private address")]
    [InlineData("http://172.16.0.1/rss.xml", "172.16.0.1 is a private address")]
    [InlineData("http://192.168.1.10/rss.xml", "192.168.1.10 is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a private address")]
    [InlineData("http://[::1]:8080/rss.xml", "is a private address")]
    [InlineData("http://[fd00::5]/rss.xml", "is a private address")]
    [InlineData("http://0x7f000001/rss.xml", "127.0.0.1 is a private address")]
    public void Load_BadSourceUrl_ReportsTheUrl(string url, string message)
    {
        var yaml = MatrixYaml.WithLine(11, $$"""    source: { kind: feed, url: "{{url}}" }""");

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("accounts[0].source.url", 11), (error.Field, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/rss.xml")]
    [InlineData("http://localhost:5080/rss.xml")]
    public void Load_PrivateAddressWhenAllowed_IsAccepted(string url)
    {
        var yaml = MatrixYaml.WithLines((4, "  allowPrivateNetworks: true"), (11, $$"""    source: { kind: feed, url: "{{url}}" }"""));

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Theory]
    [InlineData("http://rsshub.example.gov.cn/weibo/user/2803301701")]
    [InlineData("HTTPS://www.dinghai.example.gov.cn/col/index.html")]
    [InlineData("http://8.8.8.8/rss.xml")]
    [InlineData("http://172.32.0.1/rss.xml")]
    public void Load_PublicHttpUrl_IsAccepted(string url)
    {
        var yaml = MatrixYaml.WithLine(11, $$"""    source: { kind: feed, url: "{{url}}" }""");

        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Theory]
    [InlineData("unclosed flow mapping", "matrix: {name: a\naccounts: []\n", 1, "YAML syntax error: the file cannot be read past this point")]
    [InlineData("unclosed quote", "matrix:\n  name: x\naccounts:\n  - id: a\n    name: \"unclosed\n    tier: head\n", 5, "YAML syntax error: While scanning a multi-line double-quoted scalar")]
    [InlineData("tab indentation", "matrix:\n\tname: a\n", 1, "YAML syntax error: While scanning a mapping, found invalid tab as indentation")]
    [InlineData("second document", "matrix: {name: a}\naccounts: [{id: a, name: b, platform: app, tier: head, department: d, source: {kind: feed, url: 'http://x.cn/'}}]\n---\nfoo: 1\n", 4, "only one YAML document is expected")]
    [InlineData("alias without anchor", "matrix: {name: a}\naccounts: *nope\n", 2, "YAML syntax error: *nope refers to no anchor &nope")]
    public void Load_BrokenYaml_ReportsOneErrorWithLine(string mistake, string yaml, int line, string message)
    {
        var result = MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName);

        var error = Assert.Single(result.Errors);
        Assert.True(error.Line == line, $"{mistake}: {error}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accounts:\n")]
    [InlineData("accounts: []\n")]
    public void Load_NoAccounts_ReportsOneError(string accounts)
    {
        var result = MatrixConfigLoader.LoadFromText("matrix: { name: 定海 }\n" + accounts + "profiles:\n", MatrixYaml.FileName);

        var error = Assert.Single(result.Errors);
        Assert.Equal("accounts", error.Field);
        Assert.Equal("the matrix needs at least one account (exactly one of them the head)", error.Message);
    }

    [Fact]
    public void Load_AnyTruncationOfAValidFile_ReportsErrorsAndNeverThrows()
    {
        // A half-saved file or a bad paste must still come back as errors, not a crash at start-up.
        for (var length = 0; length < MatrixYaml.Valid.Length; length++)
        {
            var result = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid[..length], MatrixYaml.FileName);
            Assert.True(result.IsValid || result.Errors.Count > 0);
        }
    }

    [Fact]
    public void Load_UnknownTopLevelKey_IsAnError()
    {
        var result = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid + "\nnotifications: { sms: true }\n", MatrixYaml.FileName);

        Assert.Equal("matrix.yaml:21:1: notifications: unknown key 'notifications' (expected one of: matrix, accounts, profiles, tasks, taskRules, content, rules, registry)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Load_EmptyFile_ReportsIt()
    {
        var result = MatrixConfigLoader.LoadFromText("# nothing yet\n", MatrixYaml.FileName);

        Assert.Equal("matrix.yaml:1:1: the file is empty", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Load_MissingSections_ReportsEach()
    {
        var result = MatrixConfigLoader.LoadFromText("profiles: {}\n", MatrixYaml.FileName);

        Assert.Equal(["matrix", "accounts"], result.Errors.Select(e => e.Field).Order().Reverse());
    }
}
