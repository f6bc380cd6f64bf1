using System.Text.Json;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Storage;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Assessment;

/// <summary>
/// A post whose source gave only a day (DatePrecision.Day) counts at the veto boundary and in the early warning as
/// published at the end of that day in the matrix zone: the department gets the benefit of the doubt, and the reason
/// says so. T is Tuesday 2026-12-01 09:00, so the 14-day boundary is 2026-11-17 09:00.
/// </summary>
public sealed class DateOnlyPostTests
{
    private static Post DateOnly(int month, int day) =>
        new($"d{month}{day}", "通知", null, new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.FromHours(8)), Precision: DatePrecision.Day);

    [Fact]
    public void Veto_DateOnlyPostOnTheBoundaryDay_CountsAsTheEndOfThatDay()
    {
        // Midnight would be 14 days 9 hours before T, a veto; the day's end is inside the window.
        var e = Evaluate(Education, [DateOnly(11, 17)]);

        Assert.Equal(Verdict.Qualified, e.Verdict);
        Assert.DoesNotContain(e.Reasons, r => r.Code == "veto-no-update");
        Assert.Equal(1, e.VetoInDays);
        var warning = Assert.Single(e.Warnings);
        Assert.Contains("2026-11-17，仅有日期，按当日结束计", warning.Zh, StringComparison.Ordinal);
        Assert.Contains("date only, counted as the end of that day", warning.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Veto_TheSameMidnightWithATime_IsVetoed()
    {
        // The same instant stated as a time (00:00 exactly) gets no credit: the source said when.
        var e = Evaluate(Education, [PostAt(new DateTimeOffset(2026, 11, 17, 0, 0, 0, TimeSpan.FromHours(8)))]);

        Assert.Equal(Verdict.Unqualified, e.Verdict);
    }

    [Fact]
    public void Veto_DateOnlyPostTheDayBefore_IsVetoedAndTheReasonSaysDateOnly()
    {
        var e = Evaluate(Education, [DateOnly(11, 16)]);

        Assert.Equal(Verdict.Unqualified, e.Verdict);
        var reason = Assert.Single(e.Reasons, r => r.Code == "veto-no-update");
        Assert.Contains("2026-11-16，仅有日期，按当日结束计", reason.Zh, StringComparison.Ordinal);
        Assert.Contains("date only", reason.En, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00", reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void EarlyWarning_DateOnlyPostTenDaysBack_CountsFromTheEndOfItsDay()
    {
        // 2026-11-21 00:00 is 10 days 9 hours before T (a warning at midnight); its end is 9 days 9 hours: quiet.
        var e = AccountAssessor.Evaluate(Input(Education, [DateOnly(11, 21)]), T, new AssessmentOptions { EarlyWarningWorkingDays = 0 });

        Assert.Null(e.VetoInDays);
        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void EarlyWarning_LaterTimedPostWins_OverAnEarlierDateOnlyDay()
    {
        var timed = PostAt(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(8)));
        var e = Evaluate(Education, [DateOnly(11, 19), timed]);

        var warning = Assert.Single(e.Warnings);
        Assert.DoesNotContain("仅有日期", warning.Zh, StringComparison.Ordinal);
        Assert.Equal(4, e.VetoInDays);
    }

    [Fact]
    public void StoredPost_WithoutPrecision_ReadsAsATimedPost_AndADateOnlyPostRoundTrips()
    {
        // JSON stored before the field existed has no "d".
        var old = JsonSerializer.Deserialize("""{"t":"旧稿","p":"2026-11-17T00:00:00+08:00"}""", StorageJsonContext.Compact.StoredPost)!;
        Assert.Equal(DatePrecision.Time, old.ToPost("a").Precision);

        var json = JsonSerializer.Serialize(StoredPost.From(DateOnly(11, 17)), StorageJsonContext.Compact.StoredPost);
        var back = JsonSerializer.Deserialize(json, StorageJsonContext.Compact.StoredPost)!.ToPost("d1117");
        Assert.Equal(DatePrecision.Day, back.Precision);
        Assert.DoesNotContain("\"d\"", JsonSerializer.Serialize(StoredPost.From(PostAt(T)), StorageJsonContext.Compact.StoredPost), StringComparison.Ordinal);
    }

    [Fact]
    public void Extraction_DateOnlyText_GivesADayPrecisionPost()
    {
        Assert.True(PublishedDateParser.TryRead("2026-11-17", T, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), null, out var date));

        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 0, 0, 0, TimeSpan.FromHours(8)), date.At);
    }
}
