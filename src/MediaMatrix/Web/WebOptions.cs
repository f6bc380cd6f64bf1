using MediaMatrix.Monitoring;

namespace MediaMatrix.Web;

/// <summary>The <c>Web</c> settings section: how the pages and the API read the engine.</summary>
internal sealed record WebOptions
{
    /// <summary>A page never shows an inspection older than this; the evaluation job refreshes it on its own rhythm. Zero: every request inspects afresh.</summary>
    public TimeSpan ReportMaxAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public WebOptions Validate()
    {
        SettingRules.NotNegative(ReportMaxAge, "Web:ReportMaxAge");
        return this;
    }
}
