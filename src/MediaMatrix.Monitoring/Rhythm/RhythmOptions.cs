namespace MediaMatrix.Monitoring.Rhythm;

/// <summary>The inspection rhythm (domain.md table; config section <c>Rhythm</c>). Cron expressions are Quartz's
/// (seconds first), read in <see cref="TimeZone"/>.</summary>
public sealed record RhythmOptions
{
    public string DailySpotCheck { get; init; } = "0 0 8 * * ?";

    public string WeeklyPatrol { get; init; } = "0 30 8 ? * MON";

    public string MonthlyCensus { get; init; } = "0 0 7 1 * ?";

    public string QuarterlyBulletin { get; init; } = "0 0 9 1 1,4,7,10 ?";

    /// <summary>IANA id; the office's clock, not the server's.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>How many accounts the daily spot check draws at random (flagged ones come on top).</summary>
    public int SpotCheckSampleSize { get; init; } = 10;

    /// <summary>Mixed with the local date, so a day's sample is the same on a re-run and differs day to day.</summary>
    public int SpotCheckSeed { get; init; }

    /// <summary>The zone from the system's tz database. Shanghai alone has a fixed fallback (UTC+8, no DST since 1991),
    /// because slim container images ship without tzdata and the default must not stop the host.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
        ? zone
        : TimeZone == "Asia/Shanghai"
            ? TimeZoneInfo.CreateCustomTimeZone(TimeZone, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time")
            : throw new ArgumentException($"Rhythm:TimeZone: unknown time zone '{TimeZone}'");

    /// <summary>Fails fast at start-up with the settings key in the message. The cron expressions are Quartz's to judge;
    /// the host checks them where it schedules them.</summary>
    public RhythmOptions Validate()
    {
        SettingRules.Check(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) || TimeZone == "Asia/Shanghai",
            "Rhythm:TimeZone", TimeZone, "is not a known time zone; use an IANA id such as Asia/Shanghai");
        SettingRules.Within(SpotCheckSampleSize, 0, 10_000, "Rhythm:SpotCheckSampleSize");
        return this;
    }
}
