using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// P3: the input path, response bytes → DOM (charset sniffing, transcoding, parse) against parsing a string decoded
/// beforehand. Target: ≤ 1.05×, no per-poll buffer ≥ 85 KB, 0 gen-2 per 1k ops. The decoded text of a 104 KB page is
/// ≈ 210 KB of chars; as a string it was a large-object-heap allocation every poll, so it goes into a pooled buffer and
/// AngleSharp parses it from memory. Both sides use that entry point; the Gen2 column shows what is left.
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

    /// <summary>The floor: the same parser, same entry (decoded chars from memory), over text decoded beforehand.</summary>
    [Benchmark(Baseline = true)]
    public IHtmlDocument ParsePreDecoded() => new HtmlParser().ParseDocument(decoded.AsMemory());

    /// <summary>What a poll runs: the charset chosen, the body decoded into a pooled buffer, the DOM parsed from it.</summary>
    [Benchmark]
    public IHtmlDocument DecodeAndParse()
    {
        using var text = BodyDecoder.DecodePooled(body, contentType);
        return new HtmlParser().ParseDocument(text.Memory);
    }

    [Benchmark]
    public int DecodeOnly()
    {
        using var text = BodyDecoder.DecodePooled(body, contentType);
        return text.Span.Length;
    }

    /// <summary>The parse from a string, as before this branch (to show the entry point costs nothing extra).</summary>
    public IHtmlDocument ParsePreDecodedString() => new HtmlParser().ParseDocument(decoded);
}
