using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Tests.Content;

public sealed class ContentLinkTests
{
    private static readonly ContentChecker Checker = new([], new ContentRules { DeniedHosts = ["example.com", "例子.中国"] });

    public static TheoryData<string, string, string?> Links => new()
    {
        { "denied host in a URL", "详见https://example.com/a?b=1查看", "https://example.com/a?b=1" },
        { "subdomain", "详见 http://www.Example.COM/x 。", "http://www.Example.COM/x" },
        { "bare host", "访问 bet.example.com 领取", "bet.example.com" },
        { "lookalike is another host", "访问 evil-example.com 领取", null },
        { "longer domain is another host", "访问 example.com.cn 领取", null },
        { "full-width dots after normalisation", "访问ｅｘａｍｐｌｅ．ｃｏｍ领取", "example.com" },
        { "ideographic full stop between labels", "访问example。com领取", "example。com" },
        { "host run into the sentence end", "详见http://example.com。谢谢", "http://example.com" },
        { "IDN host", "详见http://www.例子.中国/a", "http://www.例子.中国/a" },
        { "punycode of the IDN host", "详见 xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s" },
        { "email address is no link", "来信 a@example.com", null },
        { "other host", "详见 https://www.gov.cn", null },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void Check_DeniedLinks(string because, string text, string? matched)
    {
        var hits = Checker.Check(text, new DateOnly(2026, 12, 3));

        if (matched is null)
        {
            Assert.True(hits.Count == 0, $"{because}: {string.Join(", ", hits)}");
        }
        else
        {
            var hit = Assert.Single(hits);
            Assert.True(hit.Matched == matched, $"{because}: {hit.Matched}");
            Assert.Equal(ContentRuleNames.DeniedLink, hit.Rule);
            Assert.Equal(Monitoring.Assessment.FindingKind.HarmfulLink, hit.Kind);
        }
    }
}
