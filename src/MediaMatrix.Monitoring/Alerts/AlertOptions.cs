namespace MediaMatrix.Monitoring.Alerts;

/// <summary>Thresholds of the alert rules (config section <c>Alerts</c>).</summary>
public sealed record AlertOptions
{
    /// <summary>collection-down: an unknown verdict with no successful read for this long.</summary>
    public TimeSpan CollectionDownAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>extraction-broken: this many failures in a row classed parse or empty.</summary>
    public int ExtractionBrokenAfter { get; init; } = 2;

    /// <summary>task-reminder: a task whose deadline is this close with members still missing.</summary>
    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Tasks whose deadline passed longer ago than this are no longer watched (an overdue alert stays as it is).</summary>
    public TimeSpan TaskLookback { get; init; } = TimeSpan.FromDays(30);

    /// <summary>platform-incident (平台采集异常): reads that failed longer ago than this do not open one. Six hours covers a
    /// member's 4 h poll interval with its jitter and the back-off ladder's 3 h step, so a block that meets each account
    /// at its own due time is still seen as one.</summary>
    public TimeSpan PlatformIncidentWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>platform-incident: a platform with fewer accounts than this never has one (two failing accounts are two
    /// problems, not a pattern).</summary>
    public int PlatformIncidentMinAccounts { get; init; } = 3;

    /// <summary>platform-incident: the share of the platform's accounts whose last read failed with the same error class.</summary>
    public double PlatformIncidentShare { get; init; } = 0.5;

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public AlertOptions Validate()
    {
        SettingRules.Positive(CollectionDownAfter, "Alerts:CollectionDownAfter");
        SettingRules.Check(ExtractionBrokenAfter >= 1, "Alerts:ExtractionBrokenAfter", ExtractionBrokenAfter, "must be at least 1");
        SettingRules.NotNegative(ReminderLead, "Alerts:ReminderLead");
        SettingRules.NotNegative(TaskLookback, "Alerts:TaskLookback");
        SettingRules.Positive(PlatformIncidentWindow, "Alerts:PlatformIncidentWindow");
        SettingRules.Check(PlatformIncidentMinAccounts >= 2, "Alerts:PlatformIncidentMinAccounts", PlatformIncidentMinAccounts, "must be at least 2");
        SettingRules.Check(PlatformIncidentShare is > 0 and <= 1, "Alerts:PlatformIncidentShare", PlatformIncidentShare, "must be above 0 and at most 1");
        return this;
    }
}
