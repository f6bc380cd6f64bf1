using System.Globalization;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

public class PublishedDateParserTests
{
    // A Friday morning in the county.
    private static readonly DateTimeOffset Now = Fixture.China(2026, 11, 27, 10, 0, 0);

    // A Sunday just after new year, when year-less dates from late December belong to last year.
    private static readonly DateTimeOffset NewYear = Fixture.China(2027, 1, 3, 10, 0, 0);

    [Theory]
    [InlineData("iso with Z", "2026-11-20T08:30:00Z", "2026-11-20T16:30:00+08:00")]
    [InlineData("iso with offset", "2026-11-20T08:30:00+08:00", "2026-11-20T08:30:00+08:00")]
    [InlineData("iso with compact offset", "2026-11-20T08:30:00+0800", "2026-11-20T08:30:00+08:00")]
    [InlineData("iso with fraction", "2026-11-20T08:30:00.250-05:00", "2026-11-20T21:30:00.25+08:00")]
    [InlineData("iso without zone is in the matrix zone", "2026-11-20T08:30:00", "2026-11-20T08:30:00+08:00")]
    [InlineData("rfc 1123 GMT", "Sat, 07 Dec 2019 11:09:36 GMT", "2019-12-07T19:09:36+08:00")]
    [InlineData("rfc 822 numeric offset", "Sat, 07 Dec 2019 19:09:36 +0800", "2019-12-07T19:09:36+08:00")]
    [InlineData("rfc 822 without weekday or seconds", "7 Dec 2019 19:09 +0800", "2019-12-07T19:09:00+08:00")]
    [InlineData("rfc 822 two-digit year", "Sat, 07 Dec 19 11:09:36 UT", "2019-12-07T19:09:36+08:00")]
    [InlineData("rfc 822 US zone", "Fri, 06 Dec 2019 22:09:36 EST", "2019-12-07T11:09:36+08:00")]
    [InlineData("weibo created_at", "Tue Jun 08 09:35:04 +0800 2021", "2021-06-08T09:35:04+08:00")]
    [InlineData("date only is midnight", "2022-12-01", "2022-12-01T00:00:00+08:00")]
    [InlineData("date and minutes", "2022-12-01 08:30", "2022-12-01T08:30:00+08:00")]
    [InlineData("date and seconds", "2022-12-01 08:30:15", "2022-12-01T08:30:15+08:00")]
    [InlineData("slashes", "2022/12/1", "2022-12-01T00:00:00+08:00")]
    [InlineData("dots", "2022.12.01", "2022-12-01T00:00:00+08:00")]
    [InlineData("chinese date", "2022年12月1日", "2022-12-01T00:00:00+08:00")]
    [InlineData("chinese date and time", "2022年12月1日 08:30", "2022-12-01T08:30:00+08:00")]
    [InlineData("chinese date and time unspaced", "2024年04月26日20:00", "2024-04-26T20:00:00+08:00")]
    [InlineData("chinese date with afternoon", "2022年12月1日 下午3:05", "2022-12-01T15:05:00+08:00")]
    [InlineData("year-less chinese, earlier this year", "11月20日", "2026-11-20T00:00:00+08:00")]
    [InlineData("year-less chinese, padded", "04月03日", "2026-04-03T00:00:00+08:00")]
    [InlineData("year-less chinese, later day is last year", "12月1日", "2025-12-01T00:00:00+08:00")]
    [InlineData("year-less chinese with time", "11月20日 18:12", "2026-11-20T18:12:00+08:00")]
    [InlineData("year-less chinese today, the day decides not the time", "11月27日 18:00", "2026-11-27T18:00:00+08:00")]
    [InlineData("MM-dd", "11-20", "2026-11-20T00:00:00+08:00")]
    [InlineData("MM-dd later day is last year", "12-01", "2025-12-01T00:00:00+08:00")]
    [InlineData("MM-dd with time", "11-26 09:15", "2026-11-26T09:15:00+08:00")]
    [InlineData("just now", "刚刚", "2026-11-27T10:00:00+08:00")]
    [InlineData("seconds ago", "30秒前", "2026-11-27T09:59:30+08:00")]
    [InlineData("minutes ago", "5分钟前", "2026-11-27T09:55:00+08:00")]
    [InlineData("hours ago", "3小时前", "2026-11-27T07:00:00+08:00")]
    [InlineData("days ago states a day, not a time", "3天前", "2026-11-24T00:00:00+08:00")]
    [InlineData("weeks ago states a day", "2周前", "2026-11-13T00:00:00+08:00")]
    [InlineData("months ago states a day", "2个月前", "2026-09-27T00:00:00+08:00")]
    [InlineData("today with time", "今天 08:00", "2026-11-27T08:00:00+08:00")]
    [InlineData("yesterday with time", "昨天 12:30", "2026-11-26T12:30:00+08:00")]
    [InlineData("yesterday unspaced", "昨天16:00", "2026-11-26T16:00:00+08:00")]
    [InlineData("day before yesterday", "前天", "2026-11-25T00:00:00+08:00")]
    [InlineData("afternoon time not yet come today is yesterday", "下午3:05", "2026-11-26T15:05:00+08:00")]
    [InlineData("morning time is today", "上午9:15", "2026-11-27T09:15:00+08:00")]
    [InlineData("bare time is today", "08:30", "2026-11-27T08:30:00+08:00")]
    [InlineData("afternoon hour with 点, yesterday", "下午3点", "2026-11-26T15:00:00+08:00")]
    [InlineData("noon, yesterday", "中午12:30", "2026-11-26T12:30:00+08:00")]
    [InlineData("chinese date with 点 and 分", "2022年12月1日 10点30分", "2022-12-01T10:30:00+08:00")]
    [InlineData("chinese numeral time, yesterday", "下午三点十五分", "2026-11-26T15:15:00+08:00")]
    [InlineData("weekday today with a later time is last week", "周五 15:00", "2026-11-20T15:00:00+08:00")]
    [InlineData("weekday earlier", "周三 15:00", "2026-11-25T15:00:00+08:00")]
    [InlineData("weekday today", "星期五", "2026-11-27T00:00:00+08:00")]
    [InlineData("weekday earlier this week", "周一 09:00", "2026-11-23T09:00:00+08:00")]
    [InlineData("sunday", "星期日", "2026-11-22T00:00:00+08:00")]
    [InlineData("chinese numeral minutes", "十五分钟前", "2026-11-27T09:45:00+08:00")]
    [InlineData("chinese numeral liang hours", "两小时前", "2026-11-27T08:00:00+08:00")]
    [InlineData("chinese numeral days", "三天前", "2026-11-24T00:00:00+08:00")]
    [InlineData("chinese numeral twenty-three", "二十三分钟前", "2026-11-27T09:37:00+08:00")]
    [InlineData("chinese numeral date", "二〇二二年十二月一日", "2022-12-01T00:00:00+08:00")]
    [InlineData("full-width digits", "２０２２－１２－０１", "2022-12-01T00:00:00+08:00")]
    [InlineData("full-width time", "２０２２年１２月１日　０８：３０", "2022-12-01T08:30:00+08:00")]
    [InlineData("surrounding whitespace", "  2020-07-09 \n", "2020-07-09T00:00:00+08:00")]
    [InlineData("label 发布日期", "发布日期：2016-11-22", "2016-11-22T00:00:00+08:00")]
    [InlineData("label 时间 with space", "时间： 2019-09-18 06:23", "2019-09-18T06:23:00+08:00")]
    [InlineData("bracketed", "[2020-07-06]", "2020-07-06T00:00:00+08:00")]
    [InlineData("date inside a line of facts", "发布时间：2019-09-18 06:23 来源：山西日报 浏览次数：1024", "2019-09-18T06:23:00+08:00")]
    [InlineData("chinese date inside a line", "来源：县政府办 2022年12月1日 ", "2022-12-01T00:00:00+08:00")]
    [InlineData("unix seconds", "1712559688", "2024-04-08T15:01:28+08:00")]
    [InlineData("unix milliseconds", "1712559688000", "2024-04-08T15:01:28+08:00")]
    public void TryParse_ReadsForm(string form, string text, string expected)
    {
        var ok = PublishedDateParser.TryParse(text, Now, Fixture.Shanghai, null, out var published);

        Assert.True(ok, form);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), published);
        Assert.Equal(TimeSpan.FromHours(8), published.Offset);
    }

    [Theory]
    [InlineData("chinese day late in december is last year", "12月30日", "2026-12-30T00:00:00+08:00")]
    [InlineData("MM-dd late in december is last year", "12-30 21:00", "2026-12-30T21:00:00+08:00")]
    [InlineData("MM-dd this january", "01-02", "2027-01-02T00:00:00+08:00")]
    [InlineData("weekday before new year", "周五", "2027-01-01T00:00:00+08:00")]
    [InlineData("yesterday across new year", "昨天 23:59", "2027-01-02T23:59:00+08:00")]
    [InlineData("days ago across new year", "5天前", "2026-12-29T00:00:00+08:00")]
    public void TryParse_OnThirdOfJanuary_PutsYearlessDatesInTheRightYear(string form, string text, string expected)
    {
        var ok = PublishedDateParser.TryParse(text, NewYear, Fixture.Shanghai, null, out var published);

        Assert.True(ok, form);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), published);
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("blank", "   ")]
    [InlineData("words", "unknown")]
    [InlineData("month thirteen", "2022-13-01")]
    [InlineData("february thirtieth", "2022-02-30")]
    [InlineData("hour twenty-five", "25:00")]
    [InlineData("future relative", "1小时后")]
    [InlineData("tomorrow", "明天")]
    [InlineData("short number", "12345")]
    [InlineData("year-less impossible day", "02-30")]
    [InlineData("unknown zone", "Sat, 07 Dec 2019 11:09:36 XYZ")]
    [InlineData("label only", "发布日期：")]
    [InlineData("bare hour", "3")]
    [InlineData("hour and colon", "3:")]
    [InlineData("relative form inside prose", "大约3天前发布的通知")]
    [InlineData("phone number is not a date", "咨询电话：0571-87051234")]
    public void TryParse_Unreadable_IsFalseNotNow(string form, string text)
    {
        var ok = PublishedDateParser.TryParse(text, Now, Fixture.Shanghai, null, out var published);

        Assert.False(ok, form);
        Assert.Equal(default, published);
    }

    [Fact]
    public void TryParse_ExplicitFormat_IsTriedFirstInTheZone()
    {
        var ok = PublishedDateParser.TryParse("01.12.2022 08h30", Now, Fixture.Shanghai, ["dd.MM.yyyy HH'h'mm"], out var published);

        Assert.True(ok);
        Assert.Equal(Fixture.China(2022, 12, 1, 8, 30), published);
        Assert.Equal(TimeSpan.FromHours(8), published.Offset);
    }

    [Fact]
    public void TryParse_ExplicitFormatThatDoesNotMatch_FallsBackToKnownForms()
    {
        var ok = PublishedDateParser.TryParse("2022-12-01", Now, Fixture.Shanghai, ["dd.MM.yyyy"], out var published);

        Assert.True(ok);
        Assert.Equal(Fixture.China(2022, 12, 1), published);
    }

    [Fact]
    public void TryParse_ZonelessTime_UsesTheGivenZone()
    {
        var ok = PublishedDateParser.TryParse("2022-12-01 08:30", Now, TimeZoneInfo.Utc, null, out var published);

        Assert.True(ok);
        Assert.Equal(new DateTimeOffset(2022, 12, 1, 8, 30, 0, TimeSpan.Zero), published);
        Assert.Equal(TimeSpan.Zero, published.Offset);
    }

    [Fact]
    public void TryParse_TodayInTheZone_IsNotTodayInUtc()
    {
        // 01:00 in Shanghai on the 27th is still the 26th in UTC; "今天" must mean the 27th.
        var earlyMorning = Fixture.China(2026, 11, 27, 1, 0, 0);

        var ok = PublishedDateParser.TryParse("今天 00:30", earlyMorning, Fixture.Shanghai, null, out var published);

        Assert.True(ok);
        Assert.Equal(Fixture.China(2026, 11, 27, 0, 30), published);
    }
}
