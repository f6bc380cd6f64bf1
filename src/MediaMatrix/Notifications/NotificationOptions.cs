namespace MediaMatrix.Notifications;

/// <summary>The <c>Notifications</c> settings section, validated (<see cref="NotificationSettings"/>).</summary>
internal sealed record NotificationOptions
{
    public static readonly TimeSpan DefaultReminderInterval = TimeSpan.FromHours(4);

    public IReadOnlyList<NoticeRoute> Routes { get; init; } = [];

    /// <summary>The UI the notices link to (its alerts page); null: no link.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How often each replica looks at the stored alerts for reminders due and for transitions whose notice
    /// was lost (a crash before delivery, a full queue).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back the sweep still sends an opened or resolved notice that never went out. Older ones are
    /// left alone: a notice a day late is noise, and a route added today does not replay last month.</summary>
    public TimeSpan CatchUpWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Attempts per notice in one go on transient failures (5xx, 429, rate-limit codes, connection errors,
    /// SMTP 4xx), spaced by doubling back-off from <see cref="RetryDelay"/> up to <see cref="MaxRetryDelay"/>.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One HTTP attempt's time limit, connect to last byte.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Notices waiting per route in this replica; past it new ones are dropped here and the sweep sends them later.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>The back-off before attempt <paramref name="attempt"/> + 1 (1-based): RetryDelay, ×2, ×4, ... capped.</summary>
    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));

    /// <summary>How long a worker holds a notice: one attempt at its time limit, and a minute (the claim is given back
    /// between attempts). A worker killed mid-attempt blocks the notice this long; then the next sweep on any replica takes it.</summary>
    public TimeSpan ClaimLease(TimeSpan attemptTimeout) => TimeSpan.FromMinutes(1) + attemptTimeout;

    /// <summary>How long a settled notice is remembered: past the sweep's look-back for that notice, so the sweep
    /// never finds it unsent. A reminder is looked for until the next one is due.</summary>
    public TimeSpan Retention(AlertNotice notice, NoticeRoute route) =>
        (notice.Transition == NoticeTransition.Reminder ? route.ReminderInterval : CatchUpWindow) + TimeSpan.FromDays(1);
}
