using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Worklist;

namespace MediaMatrix.Monitoring.Tests.Worklist;

/// <summary>
/// The weekly pass rate: one vote per account per week (its last record that week, Monday to Sunday in the matrix's
/// zone), unknown verdicts left out, empty weeks without a rate, records after now ignored.
/// </summary>
public sealed class PassRateTrendTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Thursday 3 December 2026, 10:00 Beijing: this week's Monday is 30 November.
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, China);

    private static EvaluationRecord Record(string id, DateTimeOffset at, Verdict verdict) => new(id, at, null, null, verdict, false, 0, 0);

    [Fact]
    public void EachAccountCountsOncePerWeek_ByItsLastRecord()
    {
        var records = new[]
        {
            Record("a", new(2026, 12, 1, 9, 0, 0, China), Verdict.Unqualified),
            Record("a", new(2026, 12, 2, 9, 0, 0, China), Verdict.Qualified),
            Record("b", new(2026, 12, 2, 9, 0, 0, China), Verdict.Unqualified),
            Record("c", new(2026, 12, 2, 9, 0, 0, China), Verdict.Unknown),
        };

        var weeks = PassRateTrend.Weekly(records, Now, Shanghai, 12);

        Assert.Equal(12, weeks.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), weeks[^1].Monday);
        Assert.Equal(new DateOnly(2026, 9, 14), weeks[0].Monday);
        Assert.Equal((2, 1), (weeks[^1].Judged, weeks[^1].Qualified));
        Assert.Equal(0.5, weeks[^1].Rate);
        Assert.All(weeks.Take(11), w => Assert.Null(w.Rate));
    }

    [Fact]
    public void WeeksFollowTheMatrixZone_NotUtc()
    {
        // Sunday 29 November 23:30 Beijing is 15:30 UTC the same day; Monday 30 November 00:30 Beijing is still Sunday in UTC.
        var sunday = Record("a", new(2026, 11, 29, 23, 30, 0, China), Verdict.Unqualified);
        var monday = Record("b", new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero), Verdict.Qualified);

        var weeks = PassRateTrend.Weekly([sunday, monday], Now, Shanghai, 2);

        Assert.Equal((1, 0), (weeks[0].Judged, weeks[0].Qualified));
        Assert.Equal((1, 1), (weeks[1].Judged, weeks[1].Qualified));
    }

    [Fact]
    public void RecordsBeforeTheFirstWeekOrAfterNow_AreLeftOut()
    {
        var old = Record("a", new(2026, 9, 13, 12, 0, 0, China), Verdict.Qualified);
        var future = Record("a", new(2026, 12, 3, 11, 0, 0, China), Verdict.Unqualified);
        var current = Record("a", new(2026, 12, 3, 9, 0, 0, China), Verdict.Qualified);

        var weeks = PassRateTrend.Weekly([old, future, current], Now, Shanghai, 12);

        Assert.Equal(1, weeks.Sum(w => w.Judged));
        Assert.Equal(1.0, weeks[^1].Rate);
    }
}
