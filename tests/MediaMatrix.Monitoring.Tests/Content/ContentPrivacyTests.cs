using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Monitoring.Tests.Content;

public sealed class ContentPrivacyTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 3);

    private static readonly ContentChecker Checker = new([], new ContentRules { AllowedNumbers = ["0571-12345", "13900001111"] });

    public static TheoryData<string, string, string?> Numbers => new()
    {
        { "ID: valid check digit", "身份证号330106199003071236已登记", ContentRuleNames.IdNumber },
        { "ID: X check digit", "证件11010519491231002X。", ContentRuleNames.IdNumber },
        { "ID: lower-case x check digit", "证件11010519491231002x。", ContentRuleNames.IdNumber },
        { "ID: invalid check digit", "证件330106199003071237。", null },
        { "ID: implausible birth date (month 13)", "证件330106199013321235。", null },
        { "ID: born before 1900", "证件110105189912310023。", null },
        { "ID: future birth date", "证件330106203001011239。", null },
        { "ID: inside a longer digit run", "单号9330106199003071236。", null },
        { "ID: masked", "证件3301**********1236。", null },
        { "ID: masked with ×", "证件3301××××××××××1236。", null },
        { "mobile: plain", "联系电话13800138000。", ContentRuleNames.Mobile },
        { "mobile: spaced 3-4-4", "联系电话138 0013 8000。", ContentRuleNames.Mobile },
        { "mobile: hyphenated", "联系电话138-0013-8000。", ContentRuleNames.Mobile },
        { "mobile: +86 prefix", "Tel +86 138 0013 8000", ContentRuleNames.Mobile },
        { "mobile: +86 joined", "Tel +8613800138000", ContentRuleNames.Mobile },
        { "mobile: full-width digits", "电话１３８００１３８０００", ContentRuleNames.Mobile },
        { "mobile: masked", "电话138****8000。", null },
        { "mobile: masked with x", "电话138xxxx8000。", null },
        { "mobile: inside a longer number", "编号213800138000。", null },
        { "mobile: 12 block is no mobile", "电话12800138000。", null },
        { "mobile: allow-listed", "值班电话13900001111。", null },
        { "hotline: allow-listed short number", "拨打0571-12345。", null },
        { "bank card: Luhn valid", "卡号622202100123456878。", ContentRuleNames.BankCard },
        { "bank card: spaced in fours", "卡号6222 0210 0123 4568 78。", ContentRuleNames.BankCard },
        { "bank card: Luhn invalid", "卡号622202100123456879。", null },
        { "bank card: order number starting with a year", "订单2026120312345678。", null },
        { "date is nothing", "2026-12-03 发布", null },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Check_PersonalNumbers(string because, string text, string? rule)
    {
        var hits = Checker.Check(text, AsOf);

        if (rule is null)
        {
            Assert.True(hits.Count == 0, $"{because}: {string.Join(", ", hits)}");
        }
        else
        {
            var hit = Assert.Single(hits);
            Assert.True(hit.Rule == rule, $"{because}: {hit.Rule}");
            Assert.Equal(Monitoring.Assessment.FindingKind.PersonalDataLeak, hit.Kind);
            Assert.Equal(ContentSeverity.Serious, hit.Severity);
            Assert.Equal(hit.Matched, ContentText.Normalize(text).Substring(hit.Start, hit.Length));
        }
    }

    [Fact]
    public void Check_SpacedMobile_MatchCoversTheWrittenNumber()
    {
        var hit = Assert.Single(Checker.Check("电话 +86 138 0013 8000 值班", AsOf));

        Assert.Equal("+86 138 0013 8000", hit.Matched);
    }

    [Fact]
    public void Check_TwoNumbersApart_BothFound()
    {
        var hits = Checker.Check("张三 11010519491231002X 13800138000", AsOf);

        Assert.Equal([ContentRuleNames.IdNumber, ContentRuleNames.Mobile], hits.Select(h => h.Rule));
    }
}
