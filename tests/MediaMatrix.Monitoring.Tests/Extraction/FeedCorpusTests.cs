using System.Globalization;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>
/// The feed corpus (Extraction/Corpus/feeds/, expectations in feeds.tsv, provenance in the README): every dialect clean
/// and with each flaw feed readers tolerate. A flawed item is dropped and counted, the others are read; a feed with
/// nothing readable is a parse error, never an empty account.
/// </summary>
public sealed class FeedCorpusTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows())
        {
            data.Add(row[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Feed_GivesItsGoodItemsAndCountsTheDroppedOnes(string file)
    {
        var row = Rows().Single(r => r[0] == file);
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Extraction", "Corpus", "feeds", file));
        var request = Fixture.Request(SourceKind.Feed, body, Now, contentType: "application/xml", pageUrl: "https://www.example.gov.cn/feed");
        var posts = int.Parse(row[1], CultureInfo.InvariantCulture);

        if (posts < 0)
        {
            var error = Assert.Throws<ExtractionException>(() => PostExtractor.Extract(request));
            Assert.Equal(FetchErrorClass.Parse, error.ErrorClass);
            return;
        }

        var result = PostExtractor.Extract(request);

        Assert.Equal(posts, result.Posts.Count);
        Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), result.DroppedCount);
        Assert.Equal(row[3].Length == 0 ? [] : row[3].Split(" | "), result.Posts.Select(p => p.Title));
        if (posts == 0)
        {
            return;
        }

        var first = result.Posts[0];
        Assert.Equal(row[6], first.Link);
        if (row[4] == "undated")
        {
            Assert.Null(first.PublishedAt);
            return;
        }

        Assert.Equal(DateTimeOffset.Parse(row[4], CultureInfo.InvariantCulture), first.PublishedAt);
        Assert.Equal(row[5] == "day" ? DatePrecision.Day : DatePrecision.Time, first.Precision);
    }

    [Fact]
    public void Corpus_HasAtLeastSixtyFeeds()
    {
        Assert.True(Rows().Count >= 60, $"{Rows().Count} feeds");
    }

    private static List<string[]>? rows;

    private static List<string[]> Rows() => rows ??= [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Extraction", "Corpus", "feeds.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))];
}
