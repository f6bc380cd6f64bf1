using System.Globalization;
using Quartz;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>
/// Reliability Q7: a weekly cron over two years that cross DST changes and ISO week 53 (2026 has one), computed from the
/// trigger's own fire-time arithmetic, so no clock needs to run: exactly one fire per ISO week, none skipped.
/// </summary>
public sealed class WeeklyCronTests
{
    [Theory]
    [InlineData("Asia/Shanghai", "0 0 9 ? * MON")]         // the digest: Monday 09:00 China time (no DST)
    [InlineData("America/New_York", "0 0 9 ? * MON")]      // a zone with DST
    [InlineData("America/New_York", "0 30 1 ? * SUN")]     // 01:30 Sunday happens twice when clocks fall back (2026-11-01)
    [InlineData("Europe/London", "0 30 1 ? * SUN")]        // clocks spring forward at 01:00 that day (2026-03-29)
    public void Q7_WeeklyCron_FiresExactlyOncePerIsoWeekAcrossDstAndWeek53(string zoneId, string cron)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var trigger = (ICronTrigger)TriggerBuilder.Create().WithIdentity("digest")
            .WithCronSchedule(cron, s => s.InTimeZone(zone)).StartAt(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)).Build();
        var end = new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero);

        var weeks = new List<(int Year, int Week)>();
        for (var at = trigger.GetFireTimeAfter(new DateTimeOffset(2025, 12, 28, 0, 0, 0, TimeSpan.Zero)); at is { } fire && fire < end; at = trigger.GetFireTimeAfter(fire))
        {
            var local = TimeZoneInfo.ConvertTime(fire, zone).DateTime;
            weeks.Add((ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local)));
        }

        Assert.Equal(weeks.Count, weeks.Distinct().Count());
        Assert.Contains((2026, 53), weeks);
        // Consecutive ISO weeks, none missing: 2026 has 53, 2027 has 52.
        var expected = Enumerable.Range(1, 53).Select(w => (2026, w)).Concat(Enumerable.Range(1, 51).Select(w => (2027, w)));
        Assert.Equal(expected, weeks.Where(w => w.Year >= 2026).Take(104));
    }
}
