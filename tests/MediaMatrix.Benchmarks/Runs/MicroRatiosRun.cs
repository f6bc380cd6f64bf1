using System.Diagnostics;
using MediaMatrix.Benchmarks.Micro;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// P1, P3 and P4 again as interleaved ratios (see <see cref="InterleavedRatio"/>), reusing the BenchmarkDotNet classes'
/// inputs and methods, so both ways measure the same code on the same bytes. <c>ratios P4</c> runs one figure only;
/// <c>spin P4 rss-20 30</c> runs one candidate alone for 30 s, for a profiler (<c>perf record -p</c>) to attach to.
/// </summary>
internal static class MicroRatiosRun
{
    private static readonly string[] P1Pages = ["padded-104KB", "padded-207KB", "items-104KB"];
    private static readonly string[] P3Pages = ["utf8-104KB", "gbk-104KB"];
    private static readonly string[] P4Feeds = ["rss-20", "rss-50", "atom-20", "atom-50"];

    public static Task<int> RunAsync(string? only)
    {
        foreach (var (id, input, floor, candidate, ops) in Cases(only))
        {
            MachineLoad.Report(id, $"{input}: {Label(id)} {InterleavedRatio.Measure(floor, candidate, opsPerRound: ops)}");
        }

        return Task.FromResult(0);
    }

    public static Task<int> SpinAsync(string id, string input, int seconds)
    {
        var (_, _, _, candidate, _) = Cases(id).Single(c => c.Input == input);
        var watch = Stopwatch.StartNew();
        var count = 0;
        Console.WriteLine($"spinning {id} {input} for {seconds} s, pid {Environment.ProcessId}");
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            GC.KeepAlive(candidate());
            count++;
        }

        Console.WriteLine($"{count} ops, {watch.Elapsed.TotalMilliseconds / count:0.000} ms/op");
        return Task.FromResult(0);
    }

    private static string Label(string id) => id switch
    {
        "P1" => "ParseAndExtract / BareParse",
        "P3" => "DecodeAndParse / ParsePreDecoded",
        "P3-entry" => "ParseDocument(memory) / ParseDocument(string)",
        _ => "PostExtractorFeed / BareXmlReader",
    };

    private static IEnumerable<(string Id, string Input, Func<object?> Floor, Func<object?> Candidate, int Ops)> Cases(string? only)
    {
        if (only is null or "P1")
        {
            foreach (var page in P1Pages)
            {
                var p1 = new ExtractionOverheadBenchmarks { Page = page };
                p1.BuildPage();
                yield return ("P1", page, p1.BareParse, p1.ParseAndExtract, 5);
            }
        }

        if (only is null or "P3" or "P3-entry")
        {
            foreach (var page in P3Pages)
            {
                var p3 = new InputPathBenchmarks { Page = page };
                p3.BuildBody();
                yield return ("P3", page, p3.ParsePreDecoded, p3.DecodeAndParse, 5);
                if (only == "P3-entry")
                {
                    yield return ("P3-entry", page, p3.ParsePreDecodedString, p3.ParsePreDecoded, 5);
                }
            }
        }

        if (only is null or "P4")
        {
            foreach (var feed in P4Feeds)
            {
                var (format, items) = (feed.Split('-')[0], int.Parse(feed.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture));
                var p4 = new FeedPathBenchmarks { Format = format, Items = items };
                p4.BuildFeed();
                yield return ("P4", feed, () => p4.BareXmlReader(), p4.PostExtractorFeed, 20);
            }
        }
    }
}
