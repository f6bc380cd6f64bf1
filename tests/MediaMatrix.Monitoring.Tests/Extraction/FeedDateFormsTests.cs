using System.Globalization;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>
/// <see cref="FeedDateForms"/> is a shortcut for the two spellings feeds write: wherever it answers, the general parser
/// must give the same instant, offset and precision; wherever a field is impossible, it must leave the answer to the
/// general parser. Checked on the whole date corpus and on generated RFC 1123 and ISO 8601 strings, good and broken.
/// </summary>
public class FeedDateFormsTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10, 0, 0);

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("Sat, 07 Dec 2019 11:09:36 GMT", "2019-12-07T19:09:36+08:00")]
    [InlineData("Sat, 7 Dec 2019 11:09:36 GMT", "2019-12-07T19:09:36+08:00")]
    [InlineData("  Sat, 07 Dec 2019 19:09:36 +0800\n", "2019-12-07T19:09:36+08:00")]
    [InlineData("2026-11-20T08:30:00.2500000-05:00", "2026-11-20T21:30:00.25+08:00")]
    [InlineData("2026-11-20T08:30:00Z", "2026-11-20T16:30:00+08:00")]
    [InlineData("2026-11-20T08:30:00+0800", "2026-11-20T08:30:00+08:00")]
    [InlineData("2026-11-20T08:30:00", "2026-11-20T08:30:00+08:00")]
    [InlineData("2026-11-20 08:30", "2026-11-20T08:30:00+08:00")]
    public void TakesTheFeedSpellings(string text, string expected)
    {
        Assert.True(FeedDateForms.TryRead(text, Shanghai, out var published));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), published.At);
        Assert.Equal(TimeSpan.FromHours(8), published.At.Offset);
        Assert.Equal(DatePrecision.Time, published.Precision);
    }

    [Fact]
    public void TakesABareDay_WithDayPrecision()
    {
        Assert.True(FeedDateForms.TryRead("2026-11-20", Shanghai, out var published));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)), published.At);
        Assert.Equal(DatePrecision.Day, published.Precision);
    }

    [Theory]
    [InlineData("Sat, 07 Dec 2019 25:09:36 GMT")]
    [InlineData("Sat, 30 Feb 2019 11:09:36 GMT")]
    [InlineData("Sat, 07 Dek 2019 11:09:36 GMT")]
    [InlineData("Sun, 07 Dec 1969 11:09:36 GMT")]
    [InlineData("Sat, 07 Dec 2019 11:09:36 EST")]
    [InlineData("Sat, 07 Dec 2019 11:09:36 +1500")]
    [InlineData("sat, 07 dec 2019 11:09:36 gmt")]
    [InlineData("2026-11-20T08:30:60Z")]
    [InlineData("2026-11-20 08:30 +08:00")]
    [InlineData("2026-11-20 8:30")]
    [InlineData("2026-2-30")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-20T08:30:00Z")]
    [InlineData("2026-11-20t08:30:00Z")]
    [InlineData("2026-11-20T08:30:00,5Z")]
    [InlineData("2026-11-20T08:30:00.12345678901Z")]
    [InlineData("2026-11-20T08:30:00+14:59")]
    [InlineData("2026-11-20T08:30:00-06:00Textra")]
    public void LeavesEverythingElseToTheGeneralParser(string text) =>
        Assert.False(FeedDateForms.TryRead(text, Shanghai, out _));

    [Fact]
    public void AgreesWithTheGeneralParser_OnTheCorpusAndOnGeneratedDates()
    {
        var inputs = CorpusInputs().Concat(Generated()).ToList();
        var taken = 0;
        var problems = new List<string>();
        foreach (var (text, zone) in inputs)
        {
            if (!FeedDateForms.TryRead(text, zone, out var fast))
            {
                continue;
            }

            taken++;
            if (!PublishedDateParser.TryGeneral(text.Trim(), Now, zone, out var general))
            {
                problems.Add($"'{text}': the shortcut read {fast.At:O}, the general parser refuses it");
            }
            else if (fast.At != general.At || fast.At.Offset != general.At.Offset || fast.Precision != general.Precision)
            {
                problems.Add($"'{text}': the shortcut read {fast.At:O} ({fast.Precision}), the general parser {general.At:O} ({general.Precision})");
            }
        }

        Assert.Empty(problems);
        Assert.True(taken > 2000, $"only {taken} of {inputs.Count} inputs took the shortcut");
    }

    private static IEnumerable<(string Text, TimeZoneInfo Zone)> CorpusInputs()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Extraction", "Corpus", "dates.tsv");
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], TimeZoneInfo.FindSystemTimeZoneById(f[2])));
    }

    // Valid and broken fields alike, in the zones feeds use, so a disagreement on range checks shows too.
    private static IEnumerable<(string Text, TimeZoneInfo Zone)> Generated()
    {
        var random = new Random(12);
        var zones = new[] { Shanghai, TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };
        string[] offsets = ["GMT", "+0800", "-0500", "+0000", "+1400", "-1200", "+0545", "+9999", "+1460"];
        string[] isoOffsets = ["Z", "+08:00", "-05:00", "+0800", "+05:45", "+14:00", "-12:00", "+15:00", "+08:60"];
        string[] weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        for (var i = 0; i < 3000; i++)
        {
            var year = random.Next(1965, 2100);
            var month = random.Next(0, 14);
            var day = random.Next(0, 33);
            var hour = random.Next(0, 26);
            var minute = random.Next(0, 61);
            var second = random.Next(0, 61);
            var zone = zones[random.Next(zones.Length)];
            var dayText = random.Next(2) == 0 ? day.ToString("00", CultureInfo.InvariantCulture) : day.ToString(CultureInfo.InvariantCulture);
            var monthName = month is >= 1 and <= 12 ? months[month - 1] : "Xyz";
            yield return ($"{weekdays[random.Next(7)]}, {dayText} {monthName} {year} {hour:00}:{minute:00}:{second:00} {offsets[random.Next(offsets.Length)]}", zone);

            var fraction = random.Next(3) switch
            {
                0 => string.Empty,
                1 => "." + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture),
                _ => "." + new string('7', random.Next(1, 11)),
            };
            yield return ($"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{fraction}{isoOffsets[random.Next(isoOffsets.Length)]}", zone);
            var separator = random.Next(2) == 0 ? "T" : " ";
            yield return (random.Next(3) switch
            {
                0 => $"{year:0000}-{month:00}-{day:00}",
                1 => $"{year:0000}-{month:00}-{day:00}{separator}{hour:00}:{minute:00}",
                _ => $"{year:0000}-{month:00}-{day:00}{separator}{hour:00}:{minute:00}:{second:00}{fraction}",
            }, zone);
        }
    }
}
