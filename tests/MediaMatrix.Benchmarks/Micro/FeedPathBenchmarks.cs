using System.Xml;
using BenchmarkDotNet.Attributes;
using MediaMatrix.Benchmarks.Inputs;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>
/// P4: the feed path from response bytes to posts, against a bare XmlReader pass over the same bytes (the floor).
/// Target: ≤ 1.2× the floor.
/// </summary>
public class FeedPathBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly XmlReaderSettings FloorSettings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    private byte[] body = [];
    private ExtractionRequest request = null!;

    [Params("rss", "atom")]
    public string Format { get; set; } = "rss";

    [Params(20, 50)]
    public int Items { get; set; } = 20;

    [GlobalSetup]
    public void BuildFeed()
    {
        body = FeedCorpus.Build(Format, Items);
        request = new ExtractionRequest(SourceKind.Feed, null, body, "application/xml", FeedCorpus.FeedUrl, Now, Zone);
    }

    /// <summary>Every node read, values included, nothing kept: the least any XML feed reader can do.</summary>
    [Benchmark(Baseline = true)]
    public int BareXmlReader()
    {
        using var reader = XmlReader.Create(new MemoryStream(body, writable: false), FloorSettings);
        var length = 0;
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                length += reader.Value.Length;
            }
        }

        return length;
    }

    /// <summary>What a poll runs: decode, detect the format, read the items into posts.</summary>
    [Benchmark]
    public IReadOnlyList<Post> PostExtractorFeed() => PostExtractor.Extract(request).Posts;
}
