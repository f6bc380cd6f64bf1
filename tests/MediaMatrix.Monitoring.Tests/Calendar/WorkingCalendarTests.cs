using MediaMatrix.Monitoring.Calendar;

namespace MediaMatrix.Monitoring.Tests.Calendar;

/// <summary>The shipped calendar (config/calendar/cn-2025.yaml, cn-2026.yaml) against the State Council notices.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Shipped = CalendarLoader.Shipped;

    [Theory]
    [InlineData("2026-02-13", true)]   // Friday before the break
    [InlineData("2026-02-14", true)]   // Saturday, make-up working day (春节)
    [InlineData("2026-02-15", false)]  // first day of the nine
    [InlineData("2026-02-23", false)]  // Monday, last day of the nine
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]   // Saturday, make-up working day
    [InlineData("2026-03-01", false)]  // plain Sunday
    [InlineData("2026-06-19", false)]  // 端午节, a Friday
    [InlineData("2026-09-20", true)]   // Sunday worked for 国庆节
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]   // Saturday worked for 国庆节
    [InlineData("2025-01-26", true)]   // Sunday worked for the 2025 Spring Festival
    [InlineData("2025-10-08", false)]  // 国庆节、中秋节 2025 ran to the 8th
    [InlineData("2027-01-01", true)]   // no 2027 notice shipped: a plain Friday
    public void IsWorkingDay_FollowsTheNotice(string day, bool working)
    {
        Assert.Equal(working, Shipped.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Count_OverTheSpringFestival_NamesItAndSkipsItsDays()
    {
        var count = Shipped.Count(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 26));

        Assert.Equal(5, count.WorkingDays);
        Assert.Equal("春节", Assert.Single(count.Holidays).Name);
        Assert.Empty(count.YearsWithoutData);
    }

    [Fact]
    public void Count_IntoAYearWithoutANotice_SaysWhichYear()
    {
        var count = Shipped.Count(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 5));

        Assert.Equal([2027], count.YearsWithoutData);
        Assert.Equal(6, count.WorkingDays); // Mon 28 – Thu 31 December, Fri 1 and Mon 4 January as plain weekdays
    }

    [Fact]
    public void Shipped_HasTheYearsItSays()
    {
        Assert.Equal([2025, 2026], Shipped.Years.Order());
        Assert.All(Shipped.Notices, y => Assert.Contains("国务院办公厅", y.Source, StringComparison.Ordinal));
    }
}
