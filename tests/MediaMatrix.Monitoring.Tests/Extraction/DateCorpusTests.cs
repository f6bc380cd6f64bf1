using System.Globalization;
using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>
/// The date corpus (Extraction/Corpus/dates.tsv, provenance in its README): every row is one case with the reading time
/// and zone it assumes, and the instant and precision expected, or "undated". Beyond the expected values, two promises
/// hold over the whole corpus: no instant after the reading time, and no time of day the input did not state.
/// </summary>
public sealed partial class DateCorpusTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var row in Rows())
        {
            data.Add(row.Line, row.Input);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Row_GivesItsExpectedInstantAndPrecision(int line, string input)
    {
        var row = Rows().Single(r => r.Line == line);

        var ok = PublishedDateParser.TryRead(input, row.Now, row.Zone, null, out var published);

        if (row.Expected is null)
        {
            Assert.False(ok, $"line {line}: '{input}' should stay undated, got {published.At:O}");
            return;
        }

        Assert.True(ok, $"line {line}: '{input}' was not read");
        Assert.Equal(row.Expected.Value, published.At);
        Assert.Equal(row.Zone.GetUtcOffset(published.At), published.At.Offset);
        Assert.Equal(row.Precision, published.Precision);
    }

    [Fact]
    public void WholeCorpus_NoInstantAfterItsNow_AndNoTimeTheInputDidNotState()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 300, $"{rows.Count} rows");
        Assert.True(rows.Count(r => Chinese().IsMatch(r.Input)) >= 150);

        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (!PublishedDateParser.TryRead(row.Input, row.Now, row.Zone, null, out var published))
            {
                continue;
            }

            if (published.At > row.Now)
            {
                problems.Add($"line {row.Line}: '{row.Input}' read as {published.At:O}, after its now {row.Now:O}");
            }

            var local = TimeZoneInfo.ConvertTime(published.At, row.Zone);
            if (published.Precision == DatePrecision.Day && local.TimeOfDay != TimeSpan.Zero)
            {
                problems.Add($"line {row.Line}: '{row.Input}' is date-only but carries the time {local:HH:mm:ss}");
            }

            if (published.Precision == DatePrecision.Time && !StatesATime().IsMatch(row.Input))
            {
                problems.Add($"line {row.Line}: '{row.Input}' states no time but was read with one ({local:HH:mm:ss})");
            }
        }

        Assert.Empty(problems);
    }

    // A clock time, a count smaller than a day, "now", or an epoch: what entitles a value to Time precision.
    [GeneratedRegex(@"[:：时時点點分秒刻]|小时|小時|钟头|鐘頭|半天|半个月|半個月|半年|刚|剛|片刻|just now|ago|^\d{10}(?:\d{3})?$|^\d{12,14}$", RegexOptions.IgnoreCase)]
    private static partial Regex StatesATime();

    [GeneratedRegex(@"[\u3000-\u9fff\uff00-\uffef]")]
    private static partial Regex Chinese();

    private sealed record Row(int Line, string Input, DateTimeOffset Now, TimeZoneInfo Zone, DateTimeOffset? Expected, DatePrecision Precision);

    private static List<Row>? rows;

    private static List<Row> Rows() => rows ??= Load();

    private static List<Row> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Extraction", "Corpus", "dates.tsv");
        var result = new List<Row>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].Length == 0)
            {
                continue;
            }

            var f = lines[i].Split('\t');
            if (f.Length != 6)
            {
                throw new FormatException($"{path}:{i + 1}: expected 6 tab-separated fields, got {f.Length}");
            }

            var expected = f[3] == "undated" ? (DateTimeOffset?)null : DateTimeOffset.Parse(f[3], CultureInfo.InvariantCulture);
            var precision = f[4] switch
            {
                "day" => DatePrecision.Day,
                "time" or "-" => DatePrecision.Time,
                _ => throw new FormatException($"{path}:{i + 1}: precision '{f[4]}' is not day, time or -"),
            };
            result.Add(new Row(i + 1, f[0], DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(f[2]), expected, precision));
        }

        return result;
    }
}
