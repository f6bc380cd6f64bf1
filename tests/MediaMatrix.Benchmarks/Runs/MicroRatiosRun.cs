using MediaMatrix.Benchmarks.Micro;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// P1, P3 and P4 again as interleaved ratios (see <see cref="InterleavedRatio"/>), reusing the BenchmarkDotNet classes'
/// inputs and methods, so both ways measure the same code on the same bytes.
/// </summary>
internal static class MicroRatiosRun
{
    public static Task<int> RunAsync()
    {
        foreach (var page in new[] { "padded-104KB", "padded-207KB", "items-104KB" })
        {
            var p1 = new ExtractionOverheadBenchmarks { Page = page };
            p1.BuildPage();
            MachineLoad.Report("P1", $"{page}: ParseAndExtract / BareParse {InterleavedRatio.Measure(p1.BareParse, p1.ParseAndExtract)}");
        }

        foreach (var page in new[] { "utf8-104KB", "gbk-104KB" })
        {
            var p3 = new InputPathBenchmarks { Page = page };
            p3.BuildBody();
            MachineLoad.Report("P3", $"{page}: DecodeAndParse / ParsePreDecoded {InterleavedRatio.Measure(p3.ParsePreDecoded, p3.DecodeAndParse)}");
        }

        foreach (var format in new[] { "rss", "atom" })
        {
            foreach (var items in new[] { 20, 50 })
            {
                var p4 = new FeedPathBenchmarks { Format = format, Items = items };
                p4.BuildFeed();
                MachineLoad.Report("P4", $"{format}-{items}: PostExtractorFeed / BareXmlReader {InterleavedRatio.Measure(() => p4.BareXmlReader(), p4.PostExtractorFeed, opsPerRound: 20)}");
            }
        }

        return Task.FromResult(0);
    }
}
