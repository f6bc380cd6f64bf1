using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// P3: the input path, response bytes → DOM (charset sniffing, transcoding, parse) against parsing a string decoded
/// beforehand. Target: ≤ 1.05×, no per-poll buffer ≥ 85 KB, 0 gen-2 per 1k ops. The decoded string of a 104 KB page
/// is itself a large-object-heap allocation (2 bytes per char); the Gen2 column shows what that costs.
/// </summary>
public class InputPathBenchmarks
{
    private byte[] body = [];
    private string decoded = "";
    private string contentType = "";

    /// <summary>utf8: the fixture as saved (meta says gb2312, bytes are UTF-8); gbk: encoded and declared GBK.</summary>
    [Params("utf8-104KB", "gbk-104KB")]
    public string Page { get; set; } = "utf8-104KB";

    [GlobalSetup]
    public void BuildBody()
    {
        var (encoding, kilobytes) = PageParam.Parse(Page);
        var html = ListPages.Build("padded", kilobytes * 1000);
        body = encoding == "gbk" ? ListPages.AsGbk(html) : Encoding.UTF8.GetBytes(html);
        // As the servers send them: a GBK site rarely names its charset in the header.
        contentType = encoding == "gbk" ? "text/html" : "text/html; charset=utf-8";
        decoded = BodyDecoder.Decode(body, contentType);
    }

    [Benchmark(Baseline = true)]
    public IHtmlDocument ParsePreDecoded() => new HtmlParser().ParseDocument(decoded);

    [Benchmark]
    public IHtmlDocument DecodeAndParse() => new HtmlParser().ParseDocument(BodyDecoder.Decode(body, contentType));

    [Benchmark]
    public string DecodeOnly() => BodyDecoder.Decode(body, contentType);
}
