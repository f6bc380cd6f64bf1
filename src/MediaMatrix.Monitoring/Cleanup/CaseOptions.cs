namespace MediaMatrix.Monitoring.Cleanup;

/// <summary>How long each step of a case may take, counted from the decision that opened it (settings section
/// <c>Cleanup</c>; docs/adr/0004-cleanup-cases.md gives the reasons for the defaults).</summary>
public sealed record CaseOptions
{
    /// <summary>Rectify: the re-check is due at the disposition's deadline; this when the proposal named none.</summary>
    public TimeSpan RectifyWithin { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan MergedWithin { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan NoticeWithin { get; init; } = TimeSpan.FromDays(15);

    public TimeSpan ClosedWithin { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan FiledWithin { get; init; } = TimeSpan.FromDays(45);

    /// <summary>Closed and superseded cases stay on the cleanup board this long.</summary>
    public TimeSpan ShowClosedFor { get; init; } = TimeSpan.FromDays(90);

    public CaseOptions Validate()
    {
        SettingRules.Positive(RectifyWithin, "Cleanup:RectifyWithin");
        SettingRules.Positive(MergedWithin, "Cleanup:MergedWithin");
        SettingRules.Positive(NoticeWithin, "Cleanup:NoticeWithin");
        SettingRules.Check(ClosedWithin >= NoticeWithin, "Cleanup:ClosedWithin", ClosedWithin, "must not be before Cleanup:NoticeWithin");
        SettingRules.Check(FiledWithin >= ClosedWithin, "Cleanup:FiledWithin", FiledWithin, "must not be before Cleanup:ClosedWithin");
        SettingRules.NotNegative(ShowClosedFor, "Cleanup:ShowClosedFor");
        return this;
    }
}
