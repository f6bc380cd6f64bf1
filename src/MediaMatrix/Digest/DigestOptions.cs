using MediaMatrix.Monitoring;

namespace MediaMatrix.Digest;

/// <summary>The <c>Digest</c> settings section: when the weekly digest goes out, where it links to, how hard it retries.</summary>
internal sealed record DigestOptions
{
    /// <summary>The Quartz cron expression of the send, in <see cref="TimeZone"/> (default Monday 09:00).</summary>
    public string Cron { get; init; } = "0 0 9 ? * MON";

    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>Time after Monday 00:00 from which this week's digest is due. A catch-up run (start-up, hourly) sends
    /// nothing before it, and everything still owed after it: a scheduler that was down at 09:00 still sends that week (E4).</summary>
    public TimeSpan DueAfter { get; init; } = TimeSpan.FromHours(9);

    /// <summary>How often the catch-up run looks for digests still owed this week.</summary>
    public TimeSpan CatchUpInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The UI the digest links to; absent or not http(s): no link.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>How long one worker may hold a recipient's claim. A worker killed mid-delivery blocks that recipient
    /// for this long, after which another worker takes it over (reliability E2).</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts per recipient on transient (4xx, connection) failures before the outbox leaves it to the hourly
    /// catch-up (one more attempt each time), spaced by doubling back-off; the run itself makes one and never waits.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The back-off before attempt <paramref name="attempt"/> + 1 (1-based): RetryDelay, ×2, ×4, ... capped.</summary>
    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public DigestOptions Validate()
    {
        Jobs.QuartzCron.Check(Cron, "Digest:Cron");
        SettingRules.Check(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _), "Digest:TimeZone", TimeZone, "is not a known time zone; use an IANA id such as Asia/Shanghai");
        SettingRules.Within(DueAfter, TimeSpan.Zero, TimeSpan.FromDays(7), "Digest:DueAfter");
        SettingRules.Positive(CatchUpInterval, "Digest:CatchUpInterval");
        SettingRules.Positive(ClaimLease, "Digest:ClaimLease");
        SettingRules.Within(MaxAttempts, 1, 1000, "Digest:MaxAttempts");
        SettingRules.Positive(RetryDelay, "Digest:RetryDelay");
        SettingRules.Check(MaxRetryDelay >= RetryDelay, "Digest:MaxRetryDelay", MaxRetryDelay, $"must be at least Digest:RetryDelay ({RetryDelay})");
        return this;
    }
}
