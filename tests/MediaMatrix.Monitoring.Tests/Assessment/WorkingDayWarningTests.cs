using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Calendar;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>
/// 预警 in working days (issue 14 point 3): warn when the veto would strike within 4 working days (today included, the day it
/// strikes not), or within the calendar-day threshold, whichever comes first; the reason names the holiday in the way.
/// The 2026 Spring Festival break ran 15–23 February, with Saturday 14 and Saturday 28 February worked.
/// </summary>
public sealed class WorkingDayWarningTests
{
    private static readonly DateTimeOffset SpringCheck = new(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset JuneCheck = new(2026, 6, 12, 10, 0, 0, TimeSpan.FromHours(8));

    private static Evaluation At(DateTimeOffset now, DateTimeOffset lastPost, AssessmentOptions? options = null) =>
        AccountAssessor.Evaluate(new AssessmentInput(Education, [PostAt(lastPost)], ReadAnHourAgo(now)), now, options ?? Rubric);

    [Fact]
    public void SpringFestival_LastPostOn5February_IsWarnedWithTheHolidayNamed()
    {
        var e = At(SpringCheck, new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(Verdict.Qualified, e.Verdict);
        Assert.Equal(7, e.VetoInDays);            // 19 February, calendar days: the calendar-day rule alone would still be quiet
        Assert.Equal(3, e.VetoInWorkingDays);     // 12, 13 and the make-up Saturday 14 February
        var warning = Assert.Single(e.Warnings);
        Assert.Contains("含春节假期", warning.Zh, StringComparison.Ordinal);
        Assert.Contains("仅剩3个工作日", warning.Zh, StringComparison.Ordinal);
        Assert.Contains("Spring Festival", warning.En, StringComparison.Ordinal);
    }

    [Fact]
    public void SpringFestival_LastPostOn12February_IsNotWarned()
    {
        // The veto would strike on 26 February: 12, 13, 14 (make-up), 24 and 25 February are five working days.
        var e = At(SpringCheck, new DateTimeOffset(2026, 2, 12, 8, 30, 0, TimeSpan.FromHours(8)));

        Assert.Null(e.VetoInDays);
        Assert.Empty(e.Warnings);
    }

    [Theory]
    [InlineData(5, false)]   // veto on 19 June (端午节): 12, 15, 16, 17, 18 June are five working days, seven calendar days
    [InlineData(12, false)]
    [InlineData(2, true)]    // ten days back: the calendar-day rule warns, as it always did
    public void June_TheSameAges_FollowTheCalendarDayRule(int lastPostDay, bool warned)
    {
        var e = At(JuneCheck, new DateTimeOffset(2026, 6, lastPostDay, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(warned, e.Warnings.Count > 0);
        Assert.Equal(warned, e.VetoInDays is not null);
    }

    [Fact]
    public void NormalWeek_FourWorkingDaysLeft_WarnsBeforeTheCalendarDayRule()
    {
        // T is Tuesday 1 December 09:00; the post below (9 days 13 hours back) vetoes on Saturday 5 December 20:00. The
        // calendar-day rule waits for day 10, but Tue, Wed, Thu and Fri are all the working days left: warn now.
        var e = At(T, new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(5, e.VetoInDays);
        Assert.Equal(4, e.VetoInWorkingDays);
        Assert.NotEmpty(e.Warnings);
        Assert.DoesNotContain("假期", e.Warnings[0].Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void TheVetoItself_StaysInCalendarDays()
    {
        // Fifteen calendar days back, whatever the holidays: unqualified on 20 February although nobody worked since the 14th.
        var e = At(new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(Verdict.Unqualified, e.Verdict);
    }

    [Fact]
    public void AYearWithoutANotice_CountsMondayToFridayAndSaysSo()
    {
        // Late December 2026: a veto on 4 January 2027 counts over a year the shipped calendar has no notice for.
        var now = new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.FromHours(8));
        var e = At(now, new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Contains(e.Warnings, w => w.Code == "calendar-missing" && w.Zh.Contains("2027", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkingDayRule_CanBeTurnedOff()
    {
        var e = At(SpringCheck, new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.FromHours(8)), new AssessmentOptions { EarlyWarningWorkingDays = 0 });

        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void APlainCalendar_KnowsNoHolidays()
    {
        var e = At(SpringCheck, new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.FromHours(8)), new AssessmentOptions { Calendar = WorkingCalendar.Plain });

        // 12, 13, 16, 17, 18 February as plain weekdays: five, so quiet — which is exactly the trap the calendar avoids.
        Assert.Empty(e.Warnings);
    }
}
