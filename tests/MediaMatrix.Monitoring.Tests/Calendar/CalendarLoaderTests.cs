using MediaMatrix.Monitoring.Calendar;

namespace MediaMatrix.Monitoring.Tests.Calendar;

/// <summary>A calendar file with dates outside its year, overlapping holidays or impossible make-up days fails at its line.</summary>
public sealed class CalendarLoaderTests
{
    private const string Head = """
        calendar: cn
        year: 2027
        source: 国务院办公厅关于2027年部分节假日安排的通知（示例）

        """;

    [Fact]
    public void Parse_AGoodFile_GivesItsYear()
    {
        var result = CalendarLoader.Parse(Head + """
            holidays:
              - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }
            workdays:
              - { date: 2027-01-09, for: 元旦 }
            """, "cn-2027.yaml");

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var year = Assert.Single(result.Years);
        Assert.Equal(2027, year.Year);
        Assert.Equal("元旦", year.Holidays[0].NameEn); // no English name given: the Chinese one
    }

    [Theory]
    [InlineData("date-outside-year", "holidays:\n  - { name: 元旦, from: 2026-12-31, to: 2027-01-01 }", 5, "holidays[0].from", "is not in 2027, the file's year")]
    [InlineData("overlap", "holidays:\n  - { name: 春节, from: 2027-02-05, to: 2027-02-12 }\n  - { name: 元宵, from: 2027-02-12, to: 2027-02-13 }", 6, "holidays[1]", "overlaps 春节 (line 5)")]
    [InlineData("backwards", "holidays:\n  - { name: 元旦, from: 2027-01-03, to: 2027-01-01 }", 5, "holidays[0].to", "is before the first")]
    [InlineData("workday-on-a-weekday", "holidays: []\nworkdays:\n  - { date: 2027-01-06 }", 6, "workdays[0].date", "falls on a weekend")]
    [InlineData("workday-inside-holiday", "holidays:\n  - { name: 春节, from: 2027-02-05, to: 2027-02-13 }\nworkdays:\n  - { date: 2027-02-06 }", 7, "workdays[0].date", "is inside 春节")]
    [InlineData("not-a-date", "holidays:\n  - { name: 元旦, from: January 1st, to: 2027-01-01 }", 5, "holidays[0].from", "is not a date; write YYYY-MM-DD")]
    [InlineData("unknown-key", "holiday: []", 4, "holiday", "unknown key")]
    public void Parse_ABadFile_FailsAtTheLineAndField(string name, string body, int line, string field, string message)
    {
        var result = CalendarLoader.Parse(Head + body, "cn-2027.yaml");

        Assert.False(result.IsValid, name);
        var error = Assert.Single(result.Errors);
        Assert.Equal("cn-2027.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
