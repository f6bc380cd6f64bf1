using MediaMatrix.Monitoring.Rhythm;

namespace MediaMatrix.Monitoring.Tests.Rhythm;

public sealed class RhythmPeriodTests
{
    [Theory]
    [InlineData(2027, 1, 1, "2026Q4")] // the January bulletin reports last year's fourth quarter
    [InlineData(2026, 4, 1, "2026Q1")]
    [InlineData(2026, 7, 1, "2026Q2")]
    [InlineData(2026, 10, 1, "2026Q3")]
    [InlineData(2026, 12, 31, "2026Q3")]
    public void QuarterBefore_IsTheQuarterJustEnded(int year, int month, int day, string expected) =>
        Assert.Equal(expected, QuarterPeriod.Before(new DateOnly(year, month, day)).ToString());

    [Fact]
    public void SpotCheckSample_IsTheSameForTheSameDayAndDiffersAcrossDays()
    {
        string[] ids = [.. Enumerable.Range(1, 50).Select(i => $"dh-{i:00}")];
        var day = new DateOnly(2026, 12, 1);

        var first = SpotCheckSample.Draw(ids, 10, 7, day);

        Assert.Equal(first, SpotCheckSample.Draw(ids, 10, 7, day));
        Assert.NotEqual(first, SpotCheckSample.Draw(ids, 10, 7, day.AddDays(1)));
        Assert.Equal(10, first.Distinct().Count());
        Assert.Equal(3, SpotCheckSample.Draw(ids[..3], 10, 7, day).Count);
    }
}
