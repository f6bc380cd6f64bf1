using System.Text;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

public class BodyDecoderTests
{
    private const string Chinese = "县人民政府关于冬季供暖的通知";

    static BodyDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Gbk(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, byte[], string?, string> Cases => new()
    {
        { "utf-8 bom beats a gbk header", [.. Encoding.UTF8.GetPreamble(), .. Utf8(Chinese)], "text/html; charset=gbk", "utf-8" },
        { "utf-16le bom", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Chinese)], null, "utf-16" },
        { "utf-16be bom", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Chinese)], null, "utf-16BE" },
        { "header charset gbk", Gbk(Chinese), "text/html; charset=GBK", "gb18030" },
        { "header charset quoted", Gbk(Chinese), "text/html; charset=\"gb2312\"", "gb18030" },
        { "meta charset", Gbk($"<html><head><meta charset=\"gb2312\"><title>{Chinese}</title>"), "text/html", "gb18030" },
        { "meta http-equiv", Gbk($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>{Chinese}</title>"), null, "gb18030" },
        { "xml prolog", Gbk($"<?xml version=\"1.0\" encoding=\"GB2312\"?><rss><title>{Chinese}</title></rss>"), "application/xml", "gb18030" },
        { "gbk declared but utf-8 bytes", Utf8($"<meta charset=gb2312><title>{Chinese}</title>"), null, "utf-8" },
        { "gbk header but utf-8 bytes", Utf8(Chinese), "text/html; charset=gb2312", "utf-8" },
        { "nothing declared, utf-8", Utf8(Chinese), null, "utf-8" },
        { "nothing declared, gbk", Gbk(Chinese), "text/html", "gb18030" },
        { "utf-8 header but gbk bytes and gbk meta", Gbk($"<meta charset=gbk><title>{Chinese}</title>"), "text/html; charset=utf-8", "gb18030" },
        { "unknown charset falls back to sniffing", Utf8(Chinese), "text/html; charset=x-nonsense", "utf-8" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_ChoosesTheEncoding(string form, byte[] body, string? contentType, string expectedEncoding)
    {
        var (text, encoding) = BodyDecoder.DecodeWithEncoding(body, contentType);

        Assert.Equal(expectedEncoding, encoding, ignoreCase: true);
        Assert.Contains(Chinese, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFEFF', text);
        Assert.NotNull(form);
    }

    [Fact]
    public void Decode_GbkMaintenanceFixture_ReadsTheTitle()
    {
        var text = BodyDecoder.Decode(Fixture.Bytes("edge-cases/gbk-no-charset_maintenance-page-served-at-feed-url.html"), null);

        Assert.Contains("<title>和讯博客 -- 系统维护中</title>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidBytes_AreReplacedNotThrown()
    {
        byte[] body = [0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x80, 0x3C];

        var text = BodyDecoder.Decode(body, "text/html; charset=utf-8");

        Assert.StartsWith("<p>", text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', text);
    }
}
