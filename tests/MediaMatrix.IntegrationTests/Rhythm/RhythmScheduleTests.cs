using MediaMatrix.Monitoring.Rhythm;
using Quartz;

namespace MediaMatrix.IntegrationTests.Rhythm;

/// <summary>The default cron schedules fire at the office's local times (domain.md's rhythm), computed by Quartz itself: no waiting.</summary>
public sealed class RhythmScheduleTests
{
    private static readonly RhythmOptions Defaults = new();

    // 2026-11-27 is a Friday; 23:00 UTC is already Saturday 07:00 in Shanghai.
    private static readonly DateTimeOffset After = new(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, DateTimeOffset> Schedules => new()
    {
        { "daily spot check: Saturday 08:00 local", Defaults.DailySpotCheck, new(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8)) },
        { "weekly patrol: Monday 08:30 local", Defaults.WeeklyPatrol, new(2026, 11, 30, 8, 30, 0, TimeSpan.FromHours(8)) },
        { "monthly census: 1 December 07:00 local", Defaults.MonthlyCensus, new(2026, 12, 1, 7, 0, 0, TimeSpan.FromHours(8)) },
        { "quarterly bulletin: 1 January 09:00 local", Defaults.QuarterlyBulletin, new(2027, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)) },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void DefaultSchedule_NextFiresAtTheLocalTime(string because, string cron, DateTimeOffset expected)
    {
        var expression = new CronExpression(cron, Defaults.Zone);

        var next = expression.GetNextValidTimeAfter(After);

        Assert.True(next == expected, $"{because}: got {next?.ToOffset(TimeSpan.FromHours(8)):O}");
    }

    [Fact]
    public void QuarterlyBulletin_FiresOnTheFirstOfEachQuarter()
    {
        var expression = new CronExpression(Defaults.QuarterlyBulletin, Defaults.Zone);
        var fires = new List<DateTimeOffset>();
        DateTimeOffset? at = After;
        for (var i = 0; i < 4; i++)
        {
            at = expression.GetNextValidTimeAfter(at!.Value);
            fires.Add(at!.Value.ToOffset(TimeSpan.FromHours(8)));
        }

        Assert.Equal([(2027, 1), (2027, 4), (2027, 7), (2027, 10)], fires.Select(f => (f.Year, f.Month)));
        Assert.All(fires, f => Assert.Equal((1, 9), (f.Day, f.Hour)));
    }

    [Fact]
    public void Trigger_BuiltAsTheHostBuildsIt_FiresAtLocalEight()
    {
        var trigger = TriggerBuilder.Create().WithIdentity("daily-spot-check", "rhythm")
            .WithCronSchedule(Defaults.DailySpotCheck, c => c.InTimeZone(Defaults.Zone)).StartAt(After).Build();

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(After));
    }
}
