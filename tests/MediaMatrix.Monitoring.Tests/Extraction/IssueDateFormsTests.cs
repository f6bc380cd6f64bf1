using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>Every date form issue 3 lists, read at Friday 2026-11-27 10:00 in Shanghai. Issue 12 corrected four kinds of
/// expectation here: a later clock time today is yesterday's, a weekday equal to today with a later time is last week's,
/// and counts in days or longer state a day (start of that day, Day precision), not the reading time's clock.</summary>
public sealed class IssueDateFormsTests
{
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10);

    [Theory]
    [InlineData("11-26", "2026-11-26T00:00:00+08:00")]
    [InlineData("2026/11/5", "2026-11-05T00:00:00+08:00")]
    [InlineData("2026.11.05", "2026-11-05T00:00:00+08:00")]
    [InlineData("今天 08:00", "2026-11-27T08:00:00+08:00")]
    [InlineData("上午9:15", "2026-11-27T09:15:00+08:00")]
    [InlineData("下午3:05", "2026-11-26T15:05:00+08:00")]
    [InlineData("周五 15:00", "2026-11-20T15:00:00+08:00")]
    [InlineData("周四 15:00", "2026-11-26T15:00:00+08:00")]
    [InlineData("2周前", "2026-11-13T00:00:00+08:00")]
    [InlineData("2个月前", "2026-09-27T00:00:00+08:00")]
    [InlineData("十五分钟前", "2026-11-27T09:45:00+08:00")]
    [InlineData("二十三分钟前", "2026-11-27T09:37:00+08:00")]
    [InlineData("两小时前", "2026-11-27T08:00:00+08:00")]
    [InlineData("三天前", "2026-11-24T00:00:00+08:00")]
    [InlineData("十二天前", "2026-11-15T00:00:00+08:00")]
    [InlineData("２０２６－１１－２０", "2026-11-20T00:00:00+08:00")]
    [InlineData("２０２６年１１月２０日", "2026-11-20T00:00:00+08:00")]
    [InlineData("1764000000", "2025-11-24T16:00:00+00:00")]
    [InlineData("1764000000000", "2025-11-24T16:00:00+00:00")]
    public void IssueForm_IsRead(string text, string expected)
    {
        Assert.True(PublishedDateParser.TryParse(text, Now, Fixture.Shanghai, null, out var published), text);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), published);
    }

    [Theory]
    [InlineData("")]
    [InlineData("日期待定")]
    [InlineData("置顶")]
    [InlineData("99-99")]
    public void Unreadable_IsUndatedNeverNow(string text)
    {
        Assert.False(PublishedDateParser.TryParse(text, Now, Fixture.Shanghai, null, out _));
    }
}
