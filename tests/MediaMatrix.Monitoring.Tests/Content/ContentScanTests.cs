using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Tests.Content;

/// <summary>How a round turns one account's posts into findings (issue 13, point 3).</summary>
public class ContentScanTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly ContentChecker Checker = new([ContentSettings.Starter], new ContentRules { DeniedHosts = ["bet-example.com"] });

    private static Post Posted(string id, int daysAgo, string title, string? text = null) =>
        new(id, title, $"https://gov.example.cn/{id}.html", At.AddDays(-daysAgo), Text: text);

    public static TheoryData<string, string, string> Masks => new()
    {
        { "mobile keeps 3 and 4", "13957212345", "139****2345" },
        { "mobile with spaces keeps them", "139 5721 2345", "139 **** 2345" },
        { "ID keeps 6 and 4", "330902198503150022", "330902********0022" },
        { "ID with X check digit", "11010519491231002X", "110105********002X" },
        { "bank card keeps 6 and 4", "6222021001123456789", "622202*********6789" },
    };

    [Theory]
    [MemberData(nameof(Masks))]
    public void Masked_HidesTheMiddleDigits(string name, string number, string expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, ContentScan.Masked(number));
    }

    [Fact]
    public void Findings_CarryTheirEvidence_AndLeakedNumbersAreMaskedInIt()
    {
        var post = Posted("p1", 2, "关于低保名单的公示", "张三，身份证号330902198503150022，联系电话13957212345。希望大家再接再励。详见 https://bet-example.com/x");

        var found = ContentScan.NewFindings(Checker, "dh-mz", [post], At.AddDays(-14), At, Zone, new HashSet<string>());

        Assert.Equal(["privacy:id-number", "privacy:mobile", "lexicon:keep-going", "link:denied"], found.Select(f => f.Rule));
        var id = found[0];
        Assert.Equal(ContentFinding.IdOf("dh-mz", "p1", "privacy:id-number"), id.Id);
        Assert.Equal((FindingKind.PersonalDataLeak, ContentSeverity.Serious), (id.Kind, id.Severity));
        Assert.Equal("330902********0022", id.Match);
        Assert.DoesNotContain("330902198503150022", id.Before + id.Match + id.After, StringComparison.Ordinal);
        Assert.Equal(("关于低保名单的公示", post.Link, post.PublishedAt, At), (id.PostTitle, id.PostLink, id.PublishedAt, id.FoundAt));
        Assert.EndsWith("身份证号", id.Before, StringComparison.Ordinal);
        var word = found[2];
        Assert.Equal((FindingKind.WordingError, ContentSeverity.Minor, "再接再励", "再接再厉"), (word.Kind, word.Severity, word.Match, word.Correct));
        Assert.False(string.IsNullOrEmpty(word.Source));
    }

    [Fact]
    public void OnlyPostsInTheWindow_AndNotKnownBefore_GiveNewFindings()
    {
        var inside = Posted("in", 3, "联系电话13957212345");
        var before = Posted("old", 20, "联系电话13957212345");
        var future = Posted("future", -1, "联系电话13957212345");
        var dismissed = Posted("dismissed", 1, "联系电话13957212345");
        var known = new HashSet<string> { ContentFinding.IdOf("a", "dismissed", "privacy:mobile") };

        var found = ContentScan.NewFindings(Checker, "a", [future, dismissed, inside, before], At.AddDays(-14), At, Zone, known);

        Assert.Equal(["in"], found.Select(f => f.PostId));
    }

    [Fact]
    public void CleanPosts_AndMaskedNumbers_GiveNothing()
    {
        var post = Posted("p", 1, "冬季防火提示", "联系人王五，电话138****1234，身份证号3309**********0022。");

        Assert.Empty(ContentScan.NewFindings(Checker, "a", [post], At.AddDays(-14), At, Zone, new HashSet<string>()));
    }
}
