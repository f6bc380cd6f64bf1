using System.Text;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Registry;

namespace MediaMatrix.Monitoring.Tests.Registry;

/// <summary>The registry parser (备案登记表): headers in Chinese or English, CSV quoting and BOM, and bad files failing
/// with the row and the column, never half-read.</summary>
public sealed class RegistryFileTests
{
    private const string Chinese = "开设单位,平台,账号名称,账号ID/链接,备案编号,状态\r\n";
    private const string English = "Unit,Platform,Name,Account ID/URL,Filing number,Status\r\n";

    public static TheoryData<string, string, string[]> Readable => new()
    {
        { "Chinese headers", Chinese + "区民政局,微信公众号,定海民政,gh_dhmz,备001,正常\r\n", ["区民政局|Wechat|定海民政|gh_dhmz|备001|Open"] },
        { "English headers and config words", English + "Civil Affairs,wechat,Dinghai MZ,gh_x,F-1,closed\r\n", ["Civil Affairs|Wechat|Dinghai MZ|gh_x|F-1|Closed"] },
        { "header words with spaces, a '*' and letter case", " 开设单位* ,PLATFORM,账号 名称,链接,备案号,账号状态\n区民政局,抖音,定海民政,x,备1,停更\n", ["区民政局|Douyin|定海民政|x|备1|Paused"] },
        { "a title row above the header and extra columns", "定海区政务新媒体备案登记表,,,,,,\r\n序号," + Chinese.TrimEnd() + ",备注\r\n1,区民政局,微博,定海民政,123,备1,运营中,无\r\n", ["区民政局|Weibo|定海民政|123|备1|Open"] },
        { "CSV quoting: commas, doubled quotes, a line break", Chinese + "\"区民政局,救助站\",微博,\"定海\"\"民政\"\"\",\"a\r\nb\",备1,已关停\r\n", ["区民政局,救助站|Weibo|定海\"民政\"|a b|备1|Closed"] },
        { "UTF-8 BOM and no final line end", "\uFEFF" + Chinese + "区民政局,微博,定海民政,,,已注销", ["区民政局|Weibo|定海民政|||Closed"] },
        { "blank lines are skipped", Chinese + "\r\n,,,,,\r\n区民政局,网站,定海民政,u,1,正常\r\n\r\n", ["区民政局|Website|定海民政|u|1|Open"] },
        { "control and bidi characters are stripped", Chinese + "区民\u0007政局,微博,定海\u202E民政,x\u200B,1,正常\r\n", ["区民政局|Weibo|定海民政|x|1|Open"] },
        { "a formula is text, never evaluated", Chinese + "=1+1,微博,\"=HYPERLINK(\"\"http://x\"\")\",@x,1,正常\r\n", ["=1+1|Weibo|=HYPERLINK(\"http://x\")|@x|1|Open"] },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void ReadCsv_GoodFile_GivesItsRows(string because, string csv, string[] expected)
    {
        var result = RegistryFile.ReadCsv(Encoding.UTF8.GetBytes(csv), "registry.csv");

        Assert.True(result.IsValid, $"{because}: {string.Join("; ", result.Errors)}");
        Assert.Equal(expected, result.Entries.Select(Describe));
    }

    public static TheoryData<string, string, string> Unreadable => new()
    {
        { "missing column", "开设单位,平台,账号名称,账号ID/链接,状态\r\n区民政局,微博,定海民政,1,正常\r\n", "registry.csv:1: 备案编号 (filing number): missing column" },
        { "no header at all", "a,b,c\r\n1,2,3\r\n", "registry.csv:1: no header row" },
        { "duplicate account by id/link", Chinese + "区民政局,微博,定海民政,123,1,正常\r\n区民政局,微博,民政二号,123,2,正常\r\n", "registry.csv:3: 账号ID/链接 (account id or url): duplicate account: the same platform and id/link as registry.csv:2" },
        { "duplicate account by name", Chinese + "区民政局,微博,定海民政,,1,正常\r\n区民政局,新浪微博,定海民政,,2,正常\r\n", "registry.csv:3: 账号名称 (name): duplicate account: the same platform and name as registry.csv:2" },
        { "duplicate filing number", Chinese + "区民政局,微博,甲,,备1,正常\r\n区民政局,抖音,乙,,备1,正常\r\n", "registry.csv:3: 备案编号 (filing number): duplicate filing number '备1' (also registry.csv:2)" },
        { "line numbers count lines inside quotes", Chinese + "区民政局,微博,\"甲\n乙\",,1,正常\r\n区民政局,微博,丙,,2,废弃\r\n", "registry.csv:4: 状态 (status): unknown status '废弃'" },
        { "empty required cell", Chinese + "区民政局,,定海民政,,1,正常\r\n", "registry.csv:2: 平台 (platform): empty: a value is required" },
        { "unknown platform", Chinese + "区民政局,小红书,定海民政,,1,正常\r\n", "registry.csv:2: 平台 (platform): unknown platform '小红书'" },
        { "unclosed quote", Chinese + "区民政局,\"微博,定海民政,,1,正常\r\n", "registry.csv:2: a quoted field is never closed" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void ReadCsv_BadFile_FailsWithTheRowAndTheColumn_AndGivesNoRows(string because, string csv, string expected)
    {
        var result = RegistryFile.ReadCsv(Encoding.UTF8.GetBytes(csv), "registry.csv");

        Assert.False(result.IsValid, because);
        Assert.Empty(result.Entries);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadCsv_NotUtf8_SaysHowToSaveIt()
    {
        var gbk = new byte[] { 0xBF, 0xAA, 0xC9, 0xE8, 0x2C, 0x0D, 0x0A };

        var result = RegistryFile.ReadCsv(gbk, "registry.csv");

        Assert.Contains("CSV UTF-8", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXlsx_EnglishHeaders_NumbersAndMissingColumn_NameTheSheetAndRow()
    {
        var good = BulletinXlsx.Render([new SheetTable("Registry", ["Unit", "Platform", "Name", "URL", "Filing No", "Status", "Closed on"],
            [[SheetCell.Of("Civil Affairs"), SheetCell.Of("weibo"), SheetCell.Of("MZ"), SheetCell.Of(2803301701), SheetCell.Of("F1"), SheetCell.Of("已注销"), SheetCell.Of("2026/9/30")]])], default);
        var bad = BulletinXlsx.Render([new SheetTable("备案登记表", ["开设单位", "平台", "账号名称", "账号ID/链接", "状态"],
            [[SheetCell.Of("区民政局"), SheetCell.Of("微博"), SheetCell.Of("定海民政"), SheetCell.Of("1"), SheetCell.Of("正常")]])], default);

        var entry = Assert.Single(RegistryFile.ReadXlsx(good, "registry.xlsx").Entries);
        var error = Assert.Single(RegistryFile.ReadXlsx(bad, "registry.xlsx").Errors);

        Assert.Equal(("2803301701", FilingStatus.Closed, new DateOnly(2026, 9, 30)), (entry.Ref, entry.Status, entry.ClosedOn));
        Assert.Equal("registry.xlsx: sheet 'Registry' row 2", entry.Where);
        Assert.Equal("registry.xlsx: sheet '备案登记表' row 1: 备案编号 (filing number): missing column", error.ToString());
    }

    [Fact]
    public void ReadXlsx_NotAWorkbook_IsOneError()
    {
        var result = RegistryFile.ReadXlsx(Encoding.UTF8.GetBytes("开设单位,平台\r\n"), "registry.xlsx");

        Assert.Contains("not a readable XLSX", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private static string Describe(RegistryEntry e) => $"{e.Unit}|{e.Platform}|{e.Name}|{e.Ref}|{e.Number}|{e.Status}";
}
