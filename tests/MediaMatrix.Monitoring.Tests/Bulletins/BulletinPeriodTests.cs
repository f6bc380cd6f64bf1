using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Monitoring.Tests.Bulletins;

public sealed class BulletinPeriodTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026Q4", PeriodKind.Quarter, 2026, 4, "2026Q4")]
    [InlineData("2026q1", PeriodKind.Quarter, 2026, 1, "2026Q1")]
    [InlineData("2026-Q2", PeriodKind.Quarter, 2026, 2, "2026Q2")]
    [InlineData("2026-11", PeriodKind.Month, 2026, 11, "2026-11")]
    [InlineData(" 2027-01 ", PeriodKind.Month, 2027, 1, "2027-01")]
    public void Parse_QuarterOrMonth_ReadsKindYearNumberAndLabel(string text, PeriodKind kind, int year, int number, string label)
    {
        var period = BulletinPeriod.Parse(text);

        Assert.Equal((kind, year, number, label), (period.Kind, period.Year, period.Number, period.Label));
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("Q4")]
    [InlineData("26Q4")]
    [InlineData("2026年第四季度")]
    [InlineData("")]
    public void Parse_BadText_SaysHowToWriteAPeriod(string text)
    {
        var error = Assert.Throws<FormatException>(() => BulletinPeriod.Parse(text));

        Assert.Contains("2026Q4", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseQuarter_GivenAMonth_SaysItIsAMonth()
    {
        var error = Assert.Throws<FormatException>(() => BulletinPeriod.ParseQuarter("2026-11"));

        Assert.Contains("is a month", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => BulletinPeriod.ParseMonth("2026Q4"));
    }

    [Fact]
    public void Quarter_SpansItsThreeMonths_InTheMatrixTimeZone()
    {
        var q4 = BulletinPeriod.Parse("2026Q4");

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Beijing), q4.Start(Shanghai));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing), q4.End(Shanghai));
        Assert.Equal("2026年第四季度", q4.ChineseName);
    }

    [Fact]
    public void Month_EndsAtTheNextMonthsMidnight()
    {
        var november = BulletinPeriod.Parse("2026-11");

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Beijing), november.Start(Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Beijing), november.End(Shanghai));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing), BulletinPeriod.Parse("2026-12").End(Shanghai));
    }

    [Theory]
    [InlineData("2026Q1", "2025Q4")]
    [InlineData("2026Q4", "2026Q3")]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-11", "2026-10")]
    public void Previous_IsThePeriodBefore_AcrossTheYear(string period, string previous) =>
        Assert.Equal(previous, BulletinPeriod.Parse(period).Previous.Label);
}
