using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// P1: what a profile's selectors add to the DOM parse. Target: extraction ≤ 1.15× the bare parse (stretch 1.08×).
/// Both start from the same decoded string; the Ratio column is the figure.
/// </summary>
public class ExtractionOverheadBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private string html = "";

    /// <summary>shape-bytes: padded pages keep the fixture's 15 items, items pages repeat them.</summary>
    [Params("padded-104KB", "padded-207KB", "items-104KB")]
    public string Page { get; set; } = "padded-104KB";

    [GlobalSetup]
    public void BuildPage()
    {
        var (shape, kilobytes) = PageParam.Parse(Page);
        html = ListPages.Build(shape, kilobytes * 1000);
    }

    /// <summary>The floor: the parse alone, through the entry the extractor uses (decoded chars from memory).</summary>
    [Benchmark(Baseline = true)]
    public IHtmlDocument BareParse() => new HtmlParser().ParseDocument(html.AsMemory());

    [Benchmark]
    public IReadOnlyList<Post> ParseAndExtract() => HtmlExtractor.Extract(html, ListPages.GovList, ListPages.PageUrl, Now, Zone);
}
