namespace MediaMatrix.Monitoring.Polling;

/// <summary>When accounts are polled (section <c>Polling</c>). Durations are TimeSpans (<c>"04:00:00"</c>).</summary>
public sealed class PollOptions
{
    public TimeSpan HeadInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan MemberInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Each next-due time moves by up to this share of the interval either way, so polls don't arrive in bursts.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>Polls running at once in this process.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>How many due accounts one dispatcher tick takes.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How far past "now" a dispatcher tick claims: accounts falling due within it are claimed at once and each poll
    /// waits for its own due time, so a poll starts on time instead of up to a whole tick late (performance Q1). Set it
    /// to the dispatch interval to use it; zero (the default) claims only what is already due. A tick then runs for about
    /// this long, and accounts it claimed but had not started when the process stopped wait for their claim lease.
    /// </summary>
    public TimeSpan LookAhead { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The failure ladder: a source on step n waits the n-th step (the last step repeats).
    /// A failing source is never dropped for good; each success drops it one step.
    /// </summary>
    public IReadOnlyList<TimeSpan> BackoffLadder { get; set; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <summary>Consecutive polls whose page loaded but yielded nothing before the account is marked "extraction broken".</summary>
    public int EmptyPollsBeforeBroken { get; set; } = 2;

    /// <summary>
    /// Poll each account about as often as it posts: a week ÷ its posts in the last week, clamped to
    /// <see cref="AdaptiveMinInterval"/>…<see cref="AdaptiveMaxInterval"/>. Off by default: the
    /// configured intervals are what the rubric's reporting expects.
    /// </summary>
    public bool Adaptive { get; set; }

    public TimeSpan AdaptiveMinInterval { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AdaptiveMaxInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Characters of each post's text kept for the content checks (0 keeps none; the store's memory grows with it).</summary>
    public int TextLength { get; set; } = Extraction.PostText.DefaultLength;

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public PollOptions Validate()
    {
        SettingRules.Positive(HeadInterval, "Polling:HeadInterval");
        SettingRules.Positive(MemberInterval, "Polling:MemberInterval");
        SettingRules.Check(Jitter is >= 0 and <= 0.5, "Polling:Jitter", Jitter, "must be from 0 to 0.5");
        SettingRules.Within(Parallelism, 1, 1024, "Polling:Parallelism");
        SettingRules.Within(BatchSize, 1, 100_000, "Polling:BatchSize");
        SettingRules.NotNegative(LookAhead, "Polling:LookAhead");
        SettingRules.Check(BackoffLadder.Count > 0, "Polling:BackoffLadder", "(none)", "must list at least one step");
        for (var i = 0; i < BackoffLadder.Count; i++)
            SettingRules.Positive(BackoffLadder[i], $"Polling:BackoffLadder:{i}");
        SettingRules.Check(EmptyPollsBeforeBroken >= 1, "Polling:EmptyPollsBeforeBroken", EmptyPollsBeforeBroken, "must be at least 1");
        SettingRules.Within(TextLength, 0, 100_000, "Polling:TextLength");
        SettingRules.Positive(AdaptiveMinInterval, "Polling:AdaptiveMinInterval");
        SettingRules.Check(AdaptiveMaxInterval >= AdaptiveMinInterval, "Polling:AdaptiveMaxInterval", AdaptiveMaxInterval,
            $"must be at least Polling:AdaptiveMinInterval ({AdaptiveMinInterval})");
        return this;
    }
}
