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

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public AlertOptions Validate()
    {
        SettingRules.Positive(CollectionDownAfter, "Alerts:CollectionDownAfter");
        SettingRules.Check(ExtractionBrokenAfter >= 1, "Alerts:ExtractionBrokenAfter", ExtractionBrokenAfter, "must be at least 1");
        SettingRules.NotNegative(ReminderLead, "Alerts:ReminderLead");
        SettingRules.NotNegative(TaskLookback, "Alerts:TaskLookback");
        return this;
    }
}
